using System.Net;
using System.Text.Json;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using static Elimu.Api.Tests.Finance.BudgetTestKit;

namespace Elimu.Api.Tests.Finance;

public sealed class GrantApiTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    private static object NewGrant(string funder, string reference, decimal amount, object[]? allocations = null, object[]? deadlines = null,
        string? status = null) => new
    {
        funder, reference, amount, currency = "KES", startDate = "2026-01-01", endDate = "2026-12-31", status,
        allocations = allocations ?? [], deadlines = deadlines ?? [],
    };

    [Fact]
    public async Task A_grant_is_recorded_with_allocations_and_deadlines_and_listed_with_filters()
    {
        var partner = await api.CreateAsync(Roles.Partner);
        var a = await api.ProgramAsync(partner.Id, "Alpha");
        var b = await api.ProgramAsync(partner.Id, "Beta");
        using var client = await api.LoginAsync(partner.Email!, TestUsers.Password);

        var created = await client.PostAsync(Grants, NewGrant("Ford Foundation", "FF-2026-01", 2_000_000m,
            [new { programId = a, amount = 1_200_000m }, new { programId = b, amount = 500_000m }],
            [new { dueDate = "2026-12-15", title = "Final report" }, new { dueDate = "2026-06-30", title = "Mid-term report" }])).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal("applied", created.GetProperty("status").GetString());
        Assert.Equal((1_700_000m, 300_000m), (created.Dec("allocated"), created.Dec("unallocated")));
        Assert.Equal(["Mid-term report", "Final report"], created.GetProperty("deadlines").EnumerateArray().Select(d => d.GetProperty("title").GetString()));
        Assert.Equal(["Alpha", "Beta"], created.GetProperty("allocations").EnumerateArray().Select(d => d.GetProperty("programName").GetString()));
        Assert.Equal(["awarded", "closed"], created.GetProperty("nextStatuses").EnumerateArray().Select(s => s.GetString()));

        await client.PostAsync(Grants, NewGrant("USAID Kenya", "AID-7", 500_000m, status: "active")).ExpectAsync(HttpStatusCode.Created);
        await client.PostAsync(Grants, NewGrant("Ford Foundation", "FF-2026-02", 10m, status: "closed")).ExpectAsync(HttpStatusCode.Created);
        var dup = await client.PostAsync(Grants, NewGrant("Ford Foundation", "FF-2026-01", 10m)).ExpectAsync(HttpStatusCode.Conflict);
        Assert.Equal("grant_reference_taken", dup.GetProperty("code").GetString());

        var all = await client.GetAsync(Grants).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        var ford = await client.GetAsync($"{Grants}?funder=ford").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, ford.GetProperty("total").GetInt32());
        var active = await client.GetAsync($"{Grants}?status=active").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(["AID-7"], active.GetProperty("items").EnumerateArray().Select(g => g.GetProperty("reference").GetString()));
        var page = await client.GetAsync($"{Grants}?funder=ford&page=2&pageSize=1").ExpectAsync(HttpStatusCode.OK);
        Assert.Single(page.GetProperty("items").EnumerateArray());
        var first = (await client.GetAsync($"{Grants}?funder=ford&status=applied").ExpectAsync(HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal(("2026-06-30", 2, 1_700_000m), (first.GetProperty("nextDeadline").GetString(), first.GetProperty("openDeadlines").GetInt32(), first.Dec("allocated")));
        await client.GetAsync($"{Grants}?status=pending").ExpectAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Invalid_grants_and_allocations_are_refused_with_the_field()
    {
        var partner = await api.CreateAsync(Roles.Partner);
        var other = await api.CreateAsync(Roles.Partner);
        var mine = await api.ProgramAsync(partner.Id, "Mine");
        var theirs = await api.ProgramAsync(other.Id, "Theirs");
        using var client = await api.LoginAsync(partner.Email!, TestUsers.Password);

        var over = await client.PostAsync(Grants, NewGrant("F", "R1", 1_000m, [new { programId = mine, amount = 1_000.5m }])).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(over.GetProperty("errors").TryGetProperty("allocations", out _));
        var foreign = await client.PostAsync(Grants, NewGrant("F", "R1", 1_000m, [new { programId = theirs, amount = 1m }])).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(foreign.GetProperty("errors").TryGetProperty("allocations[0].programId", out _));

        var bad = await client.PostAsync(Grants, new { funder = " ", amount = -5m, currency = "XX", startDate = "2026-05-01", endDate = "2026-04-01",
            deadlines = new object[] { new { title = "" } } }).ExpectAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "funder", "reference", "amount", "currency", "endDate", "deadlines[0].dueDate", "deadlines[0].title" })
            Assert.True(bad.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {bad}");
        Assert.Equal(0, (await client.GetAsync(Grants).ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Status_moves_follow_the_rules()
    {
        var partner = await api.CreateAsync(Roles.Partner);
        using var client = await api.LoginAsync(partner.Email!, TestUsers.Password);
        var id = (await client.PostAsync(Grants, NewGrant("F", "S-1", 100m)).ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Task<JsonElement> Move(string status, HttpStatusCode expected) => client.PutAsync($"{Grants}/{id}", NewGrant("F", "S-1", 100m, status: status)).ExpectAsync(expected);

        var skip = await Move("active", HttpStatusCode.Conflict);
        Assert.Equal("invalid_transition", skip.GetProperty("code").GetString());
        foreach (var step in new[] { "awarded", "active", "reporting", "active", "reporting", "closed" })
            Assert.Equal(step, (await Move(step, HttpStatusCode.OK)).GetProperty("status").GetString());
        await Move("active", HttpStatusCode.Conflict);
        var detail = await client.GetAsync($"{Grants}/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(detail.GetProperty("nextStatuses").EnumerateArray());
    }

    [Fact]
    public async Task Compliance_reports_are_checked_by_content_kept_and_mark_the_deadline_submitted()
    {
        var partner = await api.CreateAsync(Roles.Partner);
        using var client = await api.LoginAsync(partner.Email!, TestUsers.Password);
        var grant = await client.PostAsync(Grants, NewGrant("F", "REP-1", 100m, deadlines: [new { dueDate = "2026-06-30", title = "Q2 report" }]))
            .ExpectAsync(HttpStatusCode.Created);
        var id = grant.GetProperty("id").GetGuid();
        var deadline = grant.GetProperty("deadlines")[0].GetProperty("id").GetGuid();
        var upload = $"{Grants}/{id}/deadlines/{deadline}/reports";

        foreach (var (name, bytes) in new[] { ("report.pdf", "not a pdf"u8.ToArray()), ("report.docx", Docx(withMacros: true)), ("report.docx", Pdf),
                     ("report.exe", Pdf), ("report.pdf", Array.Empty<byte>()), ("big.pdf", Pdf.Concat(new byte[10 * 1024 * 1024]).ToArray()) })
        {
            var refused = await client.Http.PostAsync(upload, File(name, bytes)).ExpectAsync(HttpStatusCode.BadRequest);
            Assert.True(refused.GetProperty("errors").TryGetProperty("file", out _), $"{name}: {refused}");
        }
        Assert.False((await client.GetAsync($"{Grants}/{id}").ExpectAsync(HttpStatusCode.OK)).GetProperty("deadlines")[0].GetProperty("submitted").GetBoolean());

        var afterPdf = await client.Http.PostAsync(upload, File("../../etc/Q2 final.pdf", Pdf, "text/plain")).ExpectAsync(HttpStatusCode.Created);
        var d = afterPdf.GetProperty("deadlines")[0];
        Assert.True(d.GetProperty("submitted").GetBoolean());
        Assert.Equal("submitted", d.GetProperty("state").GetString());
        var report = d.GetProperty("reports")[0];
        Assert.Equal(("Q2 final.pdf", "application/pdf"), (report.GetProperty("fileName").GetString(), report.GetProperty("contentType").GetString()));
        var download = await client.GetAsync($"{Grants}/{id}/reports/{report.GetProperty("id").GetGuid()}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);

        var afterDocx = await client.Http.PostAsync(upload, File("annex.docx", Docx())).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(2, afterDocx.GetProperty("deadlines")[0].GetProperty("reports").GetArrayLength());
        await client.Http.PostAsync(upload, new StringContent("{}", System.Text.Encoding.UTF8, "application/json")).ExpectAsync(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Deadlines_are_added_changed_and_removed()
    {
        var partner = await api.CreateAsync(Roles.Partner);
        using var client = await api.LoginAsync(partner.Email!, TestUsers.Password);
        var id = (await client.PostAsync(Grants, NewGrant("F", "DL-1", 100m)).ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var added = await client.PostAsync($"{Grants}/{id}/deadlines", new { dueDate = "2026-09-30", title = "Q3" }).ExpectAsync(HttpStatusCode.Created);
        var deadline = added.GetProperty("deadlines")[0].GetProperty("id").GetGuid();
        await client.PostAsync($"{Grants}/{id}/deadlines", new { title = "No date" }).ExpectAsync(HttpStatusCode.BadRequest);
        var changed = await client.PutAsync($"{Grants}/{id}/deadlines/{deadline}", new { dueDate = "2026-10-15", submitted = true }).ExpectAsync(HttpStatusCode.OK);
        var d = changed.GetProperty("deadlines")[0];
        Assert.Equal(("2026-10-15", "Q3", true), (d.GetProperty("dueDate").GetString(), d.GetProperty("title").GetString(), d.GetProperty("submitted").GetBoolean()));
        var removed = await client.DeleteAsync($"{Grants}/{id}/deadlines/{deadline}").ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(removed.GetProperty("deadlines").EnumerateArray());
        await client.DeleteAsync($"{Grants}/{id}/deadlines/{deadline}").ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_second_partner_is_refused_on_every_grant_route()
    {
        var partner = await api.CreateAsync(Roles.Partner);
        var other = await api.CreateAsync(Roles.Partner);
        using var owner = await api.LoginAsync(partner.Email!, TestUsers.Password);
        var grant = await owner.PostAsync(Grants, NewGrant("F", "MINE-1", 100m, deadlines: [new { dueDate = "2026-06-30", title = "Q2" }])).ExpectAsync(HttpStatusCode.Created);
        var id = grant.GetProperty("id").GetGuid();
        var deadline = grant.GetProperty("deadlines")[0].GetProperty("id").GetGuid();
        var report = (await owner.Http.PostAsync($"{Grants}/{id}/deadlines/{deadline}/reports", File("q2.pdf", Pdf)).ExpectAsync(HttpStatusCode.Created))
            .GetProperty("deadlines")[0].GetProperty("reports")[0].GetProperty("id").GetGuid();

        using var stranger = await api.LoginAsync(other.Email!, TestUsers.Password);
        Assert.Equal(0, (await stranger.GetAsync(Grants).ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        await stranger.GetAsync($"{Grants}/{id}").ExpectAsync(HttpStatusCode.NotFound);
        await stranger.PutAsync($"{Grants}/{id}", NewGrant("F", "MINE-1", 1m, status: "closed")).ExpectAsync(HttpStatusCode.NotFound);
        await stranger.PostAsync($"{Grants}/{id}/deadlines", new { dueDate = "2026-07-01", title = "x" }).ExpectAsync(HttpStatusCode.NotFound);
        await stranger.PutAsync($"{Grants}/{id}/deadlines/{deadline}", new { submitted = false }).ExpectAsync(HttpStatusCode.NotFound);
        await stranger.DeleteAsync($"{Grants}/{id}/deadlines/{deadline}").ExpectAsync(HttpStatusCode.NotFound);
        await stranger.Http.PostAsync($"{Grants}/{id}/deadlines/{deadline}/reports", File("x.pdf", Pdf)).ExpectAsync(HttpStatusCode.NotFound);
        await stranger.GetAsync($"{Grants}/{id}/reports/{report}").ExpectAsync(HttpStatusCode.NotFound);

        var mine = await owner.GetAsync($"{Grants}/{id}").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(("applied", 100m, 1), (mine.GetProperty("status").GetString(), mine.Dec("amount"), mine.GetProperty("deadlines")[0].GetProperty("reports").GetArrayLength()));
    }
}
