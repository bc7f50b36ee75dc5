using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Elimu.Api.Ai;
using Elimu.Api.Tests.Finance;
using Elimu.Api.Tests.Partners.Account;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Ai;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using static Elimu.Api.Tests.Partners.Analytics.ProgressLetterTestKit;

namespace Elimu.Api.Tests.Partners.Analytics;

/// <summary>
/// Progress letters and the student-insights dashboard over HTTP, on the term of <see cref="ProgressLetterTestKit.TermCohortAsync"/>:
/// letters only for children whose consent stands, the same figures as the child views, read back from the PDF.
/// </summary>
public sealed class ProgressLetterApiTests(LettersApiFactory api) : IClassFixture<LettersApiFactory>
{
    [Fact]
    public async Task Letters_go_only_to_consented_children_and_show_the_child_views_figures()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, partner, _) = await api.PartnerWithSignInAsync();
        var (programId, c, area, code) = await api.TermCohortAsync(partnerId, "Letters Cohort");
        var amani = c["Amani"];
        var goals = await partner.PutAsync($"{Children}/{amani.ChildId}/goals", new
        {
            goals = new object[]
            {
                new { kind = "weekly_minutes", target = "60" },
                new { kind = "rubric_level", learningAreaCode = code, target = "EE", dueDate = "2026-06-30" },
            },
        });
        Assert.Equal(HttpStatusCode.OK, goals.StatusCode);

        var batchId = await partner.GenerateLettersAsync(programId);
        var batch = await partner.LettersEndedAsync(batchId);
        Assert.Equal(("completed", 100, 3, 3), (batch.GetProperty("status").GetString(), batch.GetProperty("progress").GetInt32(),
            batch.GetProperty("done").GetInt32(), batch.GetProperty("total").GetInt32()));
        Assert.Equal("Term 1, 2026", batch.GetProperty("termName").GetString());

        var letters = await partner.GetJsonAsync<JsonElement>($"{Letters}/{batchId}/letters?pageSize=2");
        Assert.Equal(3, letters.GetProperty("total").GetInt32()); // Dalia never asked, Eshe withdrew, Faraji declined: no letter
        Assert.Equal(["Amani", "Baraka"], letters.GetProperty("items").EnumerateArray().Select(l => l.GetProperty("firstName").GetString()!).ToList());
        var page2 = await partner.GetJsonAsync<JsonElement>($"{Letters}/{batchId}/letters?pageSize=2&page=2");
        Assert.Equal("Chebet", Assert.Single(page2.GetProperty("items").EnumerateArray()).GetProperty("firstName").GetString());
        var amaniLetter = letters.GetProperty("items")[0];
        Assert.Equal(amani.ChildId, amaniLetter.GetProperty("sponsoredChildId").GetGuid());
        Assert.Equal("offline", amaniLetter.GetProperty("provider").GetString());

        // The dashboard of the same term, and the child views it must agree with.
        var insights = await partner.GetJsonAsync<JsonElement>($"{Insights}/{amani.StudentId}?term=2026-1");
        Assert.Equal((150, 4, 4, 3, 3), (insights.GetProperty("minutes").GetInt32(), insights.GetProperty("sessions").GetInt32(),
            insights.GetProperty("activeDays").GetInt32(), insights.GetProperty("currentStreak").GetInt32(), insights.GetProperty("longestStreak").GetInt32()));
        var termArea = Assert.Single(insights.GetProperty("areas").EnumerateArray());
        Assert.Equal((area, "ME", "AE", "up", 72m), (termArea.GetProperty("name").GetString(), termArea.GetProperty("level").GetString(),
            termArea.GetProperty("previousLevel").GetString(), termArea.GetProperty("movement").GetString(), termArea.GetProperty("averageScore").GetDecimal()));
        Assert.Equal("Seven-day streak", Assert.Single(insights.GetProperty("achievements").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal(("offline", "Amani"), (insights.GetProperty("provider").GetString(), insights.GetProperty("firstName").GetString()));
        Assert.Contains("Amani", insights.GetProperty("narrative").GetString());

        var activity = await partner.GetJsonAsync<JsonElement>($"{Children}/{amani.ChildId}/activity");
        Assert.Equal(activity.GetProperty("currentStreak").GetInt32(), insights.GetProperty("currentStreak").GetInt32());
        var progress = await partner.GetJsonAsync<JsonElement>($"{Children}/{amani.ChildId}/progress");
        var viewArea = progress.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("name").GetString() == area);
        Assert.Equal(viewArea.GetProperty("latestRubricLevel").GetString(), termArea.GetProperty("level").GetString());
        var achievements = await partner.GetJsonAsync<JsonElement>($"{Children}/{amani.ChildId}/achievements");
        Assert.Equal(2, achievements.GetProperty("counts").GetProperty("total").GetInt32()); // the term's one and December's
        var viewGoals = (await partner.GetJsonAsync<JsonElement>($"{Children}/{amani.ChildId}/goals")).GetProperty("goals").EnumerateArray()
            .Select(g => (g.GetProperty("progress").GetProperty("percent").GetInt32(), g.GetProperty("progress").GetProperty("status").GetString())).ToList();
        var termGoals = insights.GetProperty("goals").EnumerateArray()
            .Select(g => (g.GetProperty("progress").GetProperty("percent").GetInt32(), g.GetProperty("progress").GetProperty("status").GetString())).ToList();
        Assert.Equal([(100, "achieved"), (75, "on_track")], viewGoals); // 90 minutes in the last 7 days; ME is rank 3 of EE's 4
        Assert.Equal(viewGoals, termGoals);

        // The letter's PDF says the same.
        var pdf = await partner.Http.GetAsync($"{Letters}/{batchId}/letters/{amaniLetter.GetProperty("id").GetGuid()}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        using (var document = PdfDocument.Open(bytes))
        {
            Assert.InRange(document.NumberOfPages, 1, 2);
            var text = string.Join("\n", document.GetPages().Select(p => p.Text));
            foreach (var expected in new[] { "Amani", "Term 1, 2026", "Letters Cohort", "Photo", "Minutes learned", "150", "Current streak", "3 days",
                         area, "Meeting Expectations", "Up", "1 earned this term", "Seven-day streak", "60 minutes of learning a week", "100%",
                         "Achieved", "75%", "On track", "A word about Amani" })
                Assert.Contains(expected, text);
            foreach (var hidden in new[] { "Otieno", "Kisumu", "Dalia", "Eshe", "Faraji" }) Assert.DoesNotContain(hidden, text);
        }

        // The orchestrator saw "Child A", never a name or a place, and nothing of the children without consent.
        var facts = api.Orchestrator.FactsOf(AiTaskType.ProgressLetter, partnerId);
        Assert.Equal(4, facts.Count); // three letters and the dashboard
        foreach (var personal in new[] { "Amani", "Baraka", "Chebet", "Dalia", "Eshe", "Faraji", "Otieno", "Kisumu", "Billing School" })
            Assert.All(facts, f => Assert.DoesNotContain(personal, f));

        await api.WithDbAsync(async db =>
        {
            var read = await db.AuditLog.Include(a => a.Students).SingleAsync(a => a.PartnerId == partnerId && a.Action == "child.read.progress-letter");
            Assert.Equal(3, read.Students.Count);
            Assert.True(await db.AuditLog.AnyAsync(a => a.PartnerId == partnerId && a.Action == "child.read.student-insights"));
            Assert.True(await db.AuditLog.AnyAsync(a => a.PartnerId == partnerId && a.Action == "progress_letter.downloaded"));
        });
    }

    [Fact]
    public async Task The_zip_holds_one_pdf_per_letter_and_is_audited()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, partner, _) = await api.PartnerWithSignInAsync();
        var (programId, _, _, _) = await api.TermCohortAsync(partnerId, "Zip Cohort");
        var batchId = await partner.GenerateLettersAsync(programId);
        await partner.LettersEndedAsync(batchId);

        var response = await partner.Http.GetAsync($"{Letters}/{batchId}/zip");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("progress-letters-zip-cohort-term-1-2026.zip", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        Assert.Equal(3, zip.Entries.Count);
        Assert.Equal(["amani", "baraka", "chebet"], zip.Entries.Select(e => e.Name.Split('-')[0]).ToList());
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            var head = new byte[4];
            stream.ReadExactly(head);
            Assert.Equal("%PDF", Encoding.ASCII.GetString(head));
        }
        await api.WithDbAsync(async db =>
        {
            var audit = await db.AuditLog.Include(a => a.Students).SingleAsync(a => a.PartnerId == partnerId && a.Action == "progress_letters.downloaded");
            Assert.Equal((batchId.ToString(), 3), (audit.EntityId, audit.Students.Count));
        });
    }

    [Fact]
    public async Task Another_partner_gets_404_on_every_route_and_student_insights_is_404_for_children_without_consent()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, partner, _) = await api.PartnerWithSignInAsync();
        var (programId, c, _, _) = await api.TermCohortAsync(partnerId, "Private Cohort");
        var batchId = await partner.GenerateLettersAsync(programId);
        await partner.LettersEndedAsync(batchId);
        var letterId = (await partner.GetJsonAsync<JsonElement>($"{Letters}/{batchId}/letters")).GetProperty("items")[0].GetProperty("id").GetGuid();

        var (_, other, _) = await api.PartnerWithSignInAsync();
        foreach (var url in new[] { $"{Letters}/{batchId}", $"{Letters}/{batchId}/letters", $"{Letters}/{batchId}/letters/{letterId}/pdf",
                     $"{Letters}/{batchId}/zip", $"{Insights}/{c["Amani"].StudentId}" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"{Letters}/{batchId}/cancel")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync(Letters, new { programId, term = "2026-1" })).StatusCode);
        Assert.Equal(0, (await other.GetJsonAsync<JsonElement>(Letters)).GetProperty("total").GetInt32());

        // The partner's own children without consent, and a student nobody sponsors, look the same: not found.
        foreach (var name in new[] { "Dalia", "Eshe", "Faraji" })
            Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"{Insights}/{c[name].StudentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"{Insights}/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.GetAsync($"{Insights}/{c["Amani"].StudentId}?term=2031-9")).StatusCode);
    }

    [Fact]
    public async Task A_second_batch_for_the_same_program_and_term_is_409_until_the_first_ends()
    {
        api.SetNairobi(new DateOnly(2026, 3, 11), 12);
        var (partnerId, partner, _) = await api.PartnerWithSignInAsync();
        var (programId, _, _, _) = await api.TermCohortAsync(partnerId, "Busy Cohort");
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        api.Orchestrator.Hold = (AiTaskType.ProgressLetter, release);
        try
        {
            // Two at once (both databases hold the rule with the unique index, not a check before the insert).
            var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => partner.PostAsync(Letters, new { programId, term = "2026-1" })));
            Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Conflict], both.Select(r => r.StatusCode).Order().ToList());
            var refused = both.Single(r => r.StatusCode == HttpStatusCode.Conflict);
            Assert.Equal("letters_in_progress", await refused.CodeAsync());
            var first = (await both.Single(r => r.StatusCode == HttpStatusCode.Accepted).JsonAsync()).GetProperty("id").GetGuid();

            var cancel = await partner.PostAsync($"{Letters}/{first}/cancel");
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
            release.TrySetResult();
            Assert.Equal("cancelled", (await partner.LettersEndedAsync(first)).GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.Conflict, (await partner.PostAsync($"{Letters}/{first}/cancel")).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await partner.GetAsync($"{Letters}/{first}/zip")).StatusCode);
            await Task.Delay(300);
            Assert.Equal(0, (await partner.GetJsonAsync<JsonElement>($"{Letters}/{first}/letters")).GetProperty("total").GetInt32());

            api.Orchestrator.Hold = null;
            var second = await partner.GenerateLettersAsync(programId);
            Assert.Equal("completed", (await partner.LettersEndedAsync(second)).GetProperty("status").GetString());
            // Another term of the same program is another batch.
            Assert.Equal(HttpStatusCode.Accepted, (await partner.PostAsync(Letters, new { programId, term = "2025-3" })).StatusCode);
        }
        finally
        {
            api.Orchestrator.Hold = null;
            release.TrySetResult();
        }
    }
}
