using System.Net;
using System.Net.Http.Json;
using Elimu.Api.Tests.Partners.Account;
using System.Text;
using System.Text.Json;
using Elimu.Api.Ai;
using Elimu.Api.Partners.Analytics;
using Elimu.Api.Tests.Finance;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Ai;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using static Elimu.Api.Tests.Partners.Analytics.ImpactReportTestKit;

namespace Elimu.Api.Tests.Partners.Analytics;

/// <summary>
/// Impact reports over HTTP: asked for, computed in the background, read, exported, cancelled. Figures are checked
/// against the hand-computed February of <see cref="ImpactReportTestKit.FebruaryCohortAsync"/>.
/// </summary>
public sealed class ImpactReportApiTests(AiInsightsApiFactory api) : IClassFixture<AiInsightsApiFactory>
{
    private static readonly object February = new { period = "custom", from = "2026-02-01", to = "2026-02-28" };

    [Fact]
    public async Task A_report_counts_only_consented_children_with_figures_computed_by_code()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, partner, _) = await api.PartnerWithSignInAsync();
        var (programId, area) = await api.FebruaryCohortAsync(partnerId, "Lake Cohort");

        var id = await partner.GenerateAsync(new { programId, period = "custom", from = "2026-02-01", to = "2026-02-28" });
        var report = await partner.EndedAsync(id);

        Assert.Equal("completed", report.GetProperty("status").GetString());
        Assert.Equal(100, report.GetProperty("progress").GetInt32());
        var m = report.GetProperty("metrics");
        Assert.Equal(("2026-02-01", "2026-02-28"), (m.GetProperty("periodStart").GetString(), m.GetProperty("periodEnd").GetString()));
        Assert.Equal(5, m.GetProperty("childrenSponsored").GetInt32());
        Assert.Equal(3, m.GetProperty("childrenWithConsent").GetInt32());   // Dalia never consented, Eshe withdrew
        Assert.Equal(2, m.GetProperty("childrenReached").GetInt32());       // Amani and Baraka
        Assert.Equal(3.0m, m.GetProperty("activeLearningHours").GetDecimal()); // 60 + 30 + 90 minutes, none of Dalia's 500 or Eshe's 700
        Assert.Equal(3, m.GetProperty("sessions").GetInt32());
        Assert.Equal(15.0m, m.GetProperty("averageWeeklyMinutes").GetDecimal()); // 180 min / (3 children × 4 weeks)
        Assert.Equal(66.7m, m.GetProperty("engagementRate").GetDecimal());
        Assert.Equal(2, m.GetProperty("assessments").GetInt32());
        Assert.Equal(78.5m, m.GetProperty("averageScore").GetDecimal());    // (72 + 85) / 2; Dalia's 10 and Eshe's 20 left out
        Assert.Equal(18.5m, m.GetProperty("scoreChange").GetDecimal());     // on January's 60
        Assert.Equal((1, 1, 0, 0), (m.GetProperty("rubricExceeding").GetInt32(), m.GetProperty("rubricMeeting").GetInt32(),
            m.GetProperty("rubricApproaching").GetInt32(), m.GetProperty("rubricBelow").GetInt32()));
        Assert.Equal(3000m, m.GetProperty("amountSpent").GetDecimal());
        Assert.Equal(1500m, m.GetProperty("costPerChild").GetDecimal());
        Assert.Equal("KES", m.GetProperty("currency").GetString());

        var b = report.GetProperty("breakdown");
        var maths = Assert.Single(b.GetProperty("areas").EnumerateArray());
        Assert.Equal(area, maths.GetProperty("learningArea").GetString());
        Assert.Equal((2, 78.5m, 60m, 100m, 100m), (maths.GetProperty("assessments").GetInt32(), maths.GetProperty("averageScore").GetDecimal(),
            maths.GetProperty("previousAverageScore").GetDecimal(), maths.GetProperty("meetingOrAbove").GetDecimal(),
            maths.GetProperty("previousMeetingOrAbove").GetDecimal()));
        var weeks = b.GetProperty("weeks").EnumerateArray().Select(w => (w.GetProperty("minutes").GetInt32(), w.GetProperty("activeChildren").GetInt32())).ToList();
        Assert.Equal([(60, 1), (30, 1), (90, 1), (0, 0)], weeks);

        Assert.Equal("offline", report.GetProperty("provider").GetString());
        Assert.Equal(Elimu.Api.Ai.Providers.OfflineProvider.ModelName, report.GetProperty("model").GetString());
        Assert.Equal(api.Time.GetUtcNow().UtcDateTime, report.GetProperty("narrativeGeneratedAt").GetDateTime());
        Assert.Contains("2 of the 3 consented children", report.GetProperty("summary").GetString());
        Assert.InRange(report.GetProperty("highlights").GetArrayLength(), 3, 5);

        // The facts the orchestrator was given: aggregates only, no child's name, school or county, and nothing of Eshe's or Dalia's.
        var facts = Assert.Single(api.Orchestrator.FactsOf(AiTaskType.ImpactReport, partnerId));
        foreach (var personal in new[] { "Amani", "Baraka", "Chebet", "Dalia", "Eshe", "Otieno", "Billing School", "Kisumu" })
            Assert.DoesNotContain(personal, facts);

        var list = await partner.GetJsonAsync<JsonElement>(Reports);
        Assert.Equal(id, list.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal("Lake Cohort", list.GetProperty("items")[0].GetProperty("programName").GetString());
    }

    [Fact]
    public async Task The_hubs_progress_pushes_name_the_status_as_the_api_does()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, partner, _) = await api.PartnerWithSignInAsync();
        var (programId, _) = await api.FebruaryCohortAsync(partnerId, "Pushed Cohort");
        var hub = new HubLongPollingClient(partner.Http, Elimu.Api.Partners.Dashboard.PartnerHub.Path);
        await hub.ConnectAsync();

        var id = await partner.GenerateAsync(new { programId, period = "custom", from = "2026-02-01", to = "2026-02-28" });
        // The page ends its progress bar on the first push whose status is not "queued" or "running": a number there
        // (the hub's own JSON options once sent 1 for running) ended it while the report still ran.
        var statuses = new List<string>();
        while (statuses.LastOrDefault() is not ("completed" or "failed" or "cancelled"))
        {
            var push = await hub.NextInvocationAsync(ImpactReportPush.Event, TimeSpan.FromSeconds(30));
            Assert.Equal(id, push.GetProperty("id").GetGuid());
            Assert.Equal(JsonValueKind.String, push.GetProperty("status").ValueKind);
            statuses.Add(push.GetProperty("status").GetString()!);
        }
        Assert.Contains("running", statuses);
        Assert.Equal("completed", statuses[^1]);
    }

    [Fact]
    public async Task A_withdrawn_consent_takes_the_child_out_of_the_next_report()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, partner, _) = await api.PartnerWithSignInAsync();
        var (programId, _) = await api.FebruaryCohortAsync(partnerId, "Revoke Cohort");
        var before = await partner.EndedAsync(await partner.GenerateAsync(new { programId, period = "custom", from = "2026-02-01", to = "2026-02-28" }));
        Assert.Equal(3, before.GetProperty("metrics").GetProperty("childrenWithConsent").GetInt32());

        // Baraka's guardian withdraws: his 90 minutes and his 85 leave the next report.
        await api.WithDbAsync(async db =>
        {
            var baraka = await db.SponsoredChildren.Where(c => c.ProgramId == programId && c.Student!.FirstName == "Baraka").Select(c => c.Id).SingleAsync();
            await db.SponsorshipConsents.Where(k => k.SponsoredChildId == baraka).ExecuteUpdateAsync(u => u.SetProperty(k => k.RevokedAt, api.Time.GetUtcNow().UtcDateTime));
        });
        var after = (await partner.EndedAsync(await partner.GenerateAsync(new { programId, period = "custom", from = "2026-02-01", to = "2026-02-28" })))
            .GetProperty("metrics");
        Assert.Equal((2, 1, 1.5m, 72m), (after.GetProperty("childrenWithConsent").GetInt32(), after.GetProperty("childrenReached").GetInt32(),
            after.GetProperty("activeLearningHours").GetDecimal(), after.GetProperty("averageScore").GetDecimal()));
        Assert.Equal(3000m, after.GetProperty("costPerChild").GetDecimal());
    }

    [Fact]
    public async Task Another_partner_gets_404_on_every_route_of_a_report()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, partner, _) = await api.PartnerWithSignInAsync();
        var (programId, _) = await api.FebruaryCohortAsync(partnerId, "Private Cohort");
        var id = await partner.GenerateAsync(new { programId, period = "custom", from = "2026-02-01", to = "2026-02-28" });
        await partner.EndedAsync(id);

        var (_, other, _) = await api.PartnerWithSignInAsync();
        foreach (var url in new[] { $"{Reports}/{id}", $"{Reports}/{id}/progress", $"{Reports}/{id}/export?format=pdf", $"{Reports}/{id}/export?format=csv" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.PostAsync($"{Reports}/{id}/cancel", null)).StatusCode);
        Assert.Equal(0, (await other.GetJsonAsync<JsonElement>(Reports)).GetProperty("total").GetInt32());
        // Nor can it ask for a report on the first partner's program.
        var refused = await other.Http.PostAsync(Generate, Json(new { programId, period = "monthly" }));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task Bad_requests_are_400_with_the_field_named()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (_, partner, _) = await api.PartnerWithSignInAsync();
        foreach (var (body, field) in new (object, string)[]
        {
            (new { period = "weekly" }, "period"),
            (new { period = "custom", from = "2026-02-01" }, "to"),
            (new { period = "custom", from = "2026-03-01", to = "2026-02-01" }, "to"),
            (new { period = "custom", from = "2024-01-01", to = "2026-02-01" }, "to"),
            (new { period = "monthly", from = "2026-04-01" }, "from"),
        })
        {
            var response = await partner.Http.PostAsync(Generate, Json(body));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadAsStringAsync()).Contains($"\"{field}\""), $"{JsonSerializer.Serialize(body)} should name {field}");
        }
    }

    [Fact]
    public async Task A_running_report_can_be_cancelled_and_then_cannot_be_exported()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, partner, _) = await api.PartnerWithSignInAsync();
        var (programId, _) = await api.FebruaryCohortAsync(partnerId, "Slow Cohort");
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        api.Orchestrator.Hold = (AiTaskType.ImpactReport, release);
        try
        {
            var id = await partner.GenerateAsync(new { programId, period = "custom", from = "2026-02-01", to = "2026-02-28" });
            var until = DateTime.UtcNow.AddSeconds(20);
            JsonElement progress;
            do
            {
                await Task.Delay(30);
                progress = await partner.GetJsonAsync<JsonElement>($"{Reports}/{id}/progress");
            } while (progress.GetProperty("progress").GetInt32() < 70 && DateTime.UtcNow < until);
            Assert.Equal(("running", 70), (progress.GetProperty("status").GetString(), progress.GetProperty("progress").GetInt32()));

            var cancel = await partner.Http.PostAsync($"{Reports}/{id}/cancel", null);
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
            Assert.Equal("cancelled", (await cancel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

            release.TrySetResult(); // were the run not stopped, it would now write its narrative and complete
            await Task.Delay(500);
            var report = await partner.GetJsonAsync<JsonElement>($"{Reports}/{id}");
            Assert.Equal("cancelled", report.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, report.GetProperty("summary").ValueKind);
            Assert.Equal(HttpStatusCode.Conflict, (await partner.Http.PostAsync($"{Reports}/{id}/cancel", null)).StatusCode);
            var export = await partner.Http.GetAsync($"{Reports}/{id}/export?format=pdf");
            Assert.Equal(HttpStatusCode.Conflict, export.StatusCode);
            Assert.Equal("report_not_ready", await export.CodeAsync());
        }
        finally
        {
            api.Orchestrator.Hold = null;
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task The_PDF_holds_the_title_and_figures_and_the_CSV_is_UTF8_with_BOM_and_both_are_audited()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, partner, _) = await api.PartnerWithSignInAsync();
        var (programId, area) = await api.FebruaryCohortAsync(partnerId, "Export Cohort");
        var id = await partner.GenerateAsync(new { programId, period = "custom", from = "2026-02-01", to = "2026-02-28" });
        var report = await partner.EndedAsync(id);

        var pdf = await partner.Http.GetAsync($"{Reports}/{id}/export?format=pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
        using (var document = PdfDocument.Open(bytes))
        {
            var text = string.Join("\n", document.GetPages().Select(p => p.Text));
            Assert.Contains("Export Cohort: custom impact report", text);
            Assert.Contains("KES 3,000.00", text);
            Assert.Contains("KES 1,500.00", text);
            Assert.Contains("2 (66.7%)", text);
            Assert.Contains("78.5% (+18.5 pts)", text);
            Assert.Contains(area, text);
            Assert.Contains("offline", text);
            Assert.DoesNotContain("Amani", text);
            Assert.True(document.GetPages().Sum(p => p.GetImages().Count()) >= 2, "the charts are drawn as images");
        }

        var csv = await partner.Http.GetAsync($"{Reports}/{id}/export?format=csv");
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], csvBytes[..3]);
        var lines = Encoding.UTF8.GetString(csvBytes[3..]).Split("\r\n");
        Assert.Contains("figures,children_reached,2,", lines);
        Assert.Contains("figures,cost_per_child_reached,1500,KES", lines);
        Assert.Contains("figures,score_change_points,18.5,", lines);

        Assert.Equal(HttpStatusCode.BadRequest, (await partner.Http.GetAsync($"{Reports}/{id}/export?format=docx")).StatusCode);
        var audited = await api.WithDbAsync(db => db.AuditLog.Where(a => a.EntityId == id.ToString() && a.Action == "impact_report.exported")
            .Select(a => a.Details).ToListAsync());
        Assert.Equal(["csv", "pdf"], audited.Order().ToList());
        var after = await partner.GetJsonAsync<JsonElement>(Reports);
        Assert.Equal("csv", after.GetProperty("items")[0].GetProperty("exportFormat").GetString());
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
