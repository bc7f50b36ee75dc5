using System.Net;
using Elimu.Api.Partners.Enrollments;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Partners.Enrollments.ImportTestData;

namespace Elimu.Api.Tests.Partners.Enrollments;

public sealed class ImportCommitTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    [Fact]
    public async Task One_bad_row_among_a_thousand_commits_nothing_and_the_same_file_without_it_adds_all()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var students = await CreateStudentsAsync(api, 1000);
        var program = await CreateProgramAsync(client);
        var rows = students.Select(s => Line(null, s.AdmissionNumber, s.School, program.ToString())).ToList();
        var withTypo = rows.Take(500).Append(Line(null, "ADM/9999", students[0].School, program.ToString())).Concat(rows.Skip(500)).ToList();

        var refused = await UploadAsync(client, Commit, "thousand.csv", Csv([Header, .. withTypo]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal("import_has_errors", problem.GetProperty("code").GetString());
        Assert.Equal(1001, problem.GetProperty("totalRows").GetInt32());
        Assert.Equal(1, problem.GetProperty("errorRows").GetInt32());
        var bad = Assert.Single(problem.GetProperty("rows").EnumerateArray());
        Assert.Equal((501, "not_found"), (bad.GetProperty("row").GetInt32(), bad.GetProperty("outcome").GetString()));
        Assert.Equal(0, await api.WithDbAsync(db => db.SponsoredChildren.CountAsync(c => c.ProgramId == program)));

        var accepted = await UploadAsync(client, Commit, "thousand.csv", Csv([Header, .. rows]));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var body = await accepted.JsonAsync();
        Assert.Equal(1000, body.GetProperty("added").GetInt32());
        Assert.Equal(1000, body.GetProperty("byProgram")[0].GetProperty("adding").GetInt32());
        var children = await api.WithDbAsync(db => db.SponsoredChildren.Where(c => c.ProgramId == program).ToListAsync());
        Assert.Equal(1000, children.Count);
        Assert.All(children, c => Assert.Equal(SponsoredChildStatus.PENDING_CONSENT, c.Status));
        Assert.Equal(students.Select(s => s.Id).Order(), children.Select(c => c.StudentId).Order());
        Assert.True(await api.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Action == "enrollments.import" && a.EntityId == program.ToString())));

        // The same file again: every row is now already sponsored, and still nothing changes.
        var again = await UploadAsync(client, Commit, "thousand.csv", Csv([Header, .. rows]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.All((await again.JsonAsync()).GetProperty("rows").EnumerateArray(),
            r => Assert.Equal("already_sponsored", r.GetProperty("outcome").GetString()));
    }

    [Fact]
    public async Task An_xlsx_file_commits_into_several_programs_at_once()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var students = await CreateStudentsAsync(api, 4);
        var first = await CreateProgramAsync(client);
        var second = await CreateProgramAsync(client, maxChildren: 12);
        var xlsx = Xlsx(students.Select((s, i) => new Dictionary<string, object?>
        {
            ["student_id"] = s.Id.ToString(), ["admission_number"] = null, ["school"] = null,
            ["program"] = (i < 2 ? first : second).ToString(),
        }));

        var response = await UploadAsync(client, Commit, "children.xlsx", xlsx);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = System.Text.Json.JsonSerializer.Deserialize<ImportCommitResponse>(await response.Content.ReadAsStringAsync(), ApiClient.Json)!;
        Assert.Equal(4, result.Added);
        Assert.Equal(10, result.ByProgram.Single(p => p.ProgramId == second).CapacityLeft);
        var counts = await api.WithDbAsync(db => db.SponsoredChildren.Where(c => c.ProgramId == first || c.ProgramId == second)
            .GroupBy(c => c.ProgramId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.Equal((2, 2), (counts[first], counts[second]));
    }

    [Fact]
    public async Task A_removed_child_rejoins_through_an_import()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var students = await CreateStudentsAsync(api, 1);
        var program = await CreateProgramAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(client, Commit, "one.csv", Csv(["student_id,program", $"{students[0].Id},{program}"]))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/v1/partner/sponsorships/programs/{program}/children/{students[0].Id}")).StatusCode);

        var response = await UploadAsync(client, Commit, "one.csv", Csv(["student_id,program", $"{students[0].Id},{program}"]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var child = await api.WithDbAsync(db => db.SponsoredChildren.SingleAsync(c => c.ProgramId == program));
        Assert.Equal((SponsoredChildStatus.PENDING_CONSENT, null), (child.Status, child.RemovedAt));
    }
}
