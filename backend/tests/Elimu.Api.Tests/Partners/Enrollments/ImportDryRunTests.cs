using System.Net;
using Elimu.Api.Partners.Enrollments;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Partners.Enrollments.ImportTestData;

namespace Elimu.Api.Tests.Partners.Enrollments;

public sealed class ImportDryRunTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    [Fact]
    public async Task A_dry_run_reports_every_outcome_row_by_row_and_writes_nothing()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var students = await CreateStudentsAsync(api, 14);
        var school = students[0].School;
        var open = await CreateProgramAsync(client);
        var small = await CreateProgramAsync(client, maxChildren: 10);
        var closed = await CreateProgramAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/v1/partner/sponsorships/programs/{closed}/cancel")).StatusCode);
        var partnerId = await api.WithDbAsync(db => db.Users.Where(u => u.Email == "partner@elimu.demo").Select(u => u.Id).SingleAsync());
        var sponsored = await api.WithDbAsync(db => db.SponsoredChildren
            .Where(c => c.PartnerId == partnerId && c.Status != SponsoredChildStatus.REMOVED).Select(c => c.StudentId).FirstAsync());
        var openName = await api.WithDbAsync(db => db.SponsorshipPrograms.Where(p => p.Id == open).Select(p => p.Name).SingleAsync());

        string[] lines =
        [
            "Student ID,Admission Number,School,Program",
            Line(null, $"  {students[0].AdmissionNumber.ToLowerInvariant()} ", school.ToUpperInvariant(), openName.ToLowerInvariant()), // 1 ok
            Line(students[1].Id.ToString(), null, null, open.ToString()),                      // 2 ok, by id
            Line(null, "NOPE/9999", school, open.ToString()),                                   // 3 not_found
            Line(sponsored.ToString(), null, null, open.ToString()),                            // 4 already_sponsored
            Line(students[0].Id.ToString(), null, null, open.ToString()),                       // 5 duplicate_in_file (of row 1)
            Line(students[2].Id.ToString(), null, null, "No Such Program"),                     // 6 program_not_found
            Line(students[3].Id.ToString(), null, null, closed.ToString()),                     // 7 program_closed
            Line("not-a-guid", null, null, open.ToString()),                                    // 8 invalid_row
            Line(null, students[4].AdmissionNumber, null, open.ToString()),                     // 9 invalid_row (no school)
            .. students.Skip(5).Take(9).Select(s => Line(s.Id.ToString(), null, null, small.ToString())), // 10-18 ok (9 of max 10)
        ];
        // The tenth and eleventh child of a program that holds ten: one fits, one is over.
        var extra = await CreateStudentsAsync(api, 2);
        lines = [.. lines, Line(extra[0].Id.ToString(), null, null, small.ToString()), Line(extra[1].Id.ToString(), null, null, small.ToString())];

        var before = await api.WithDbAsync(db => db.SponsoredChildren.CountAsync());
        var result = await DryRunAsync(client, "children.csv", Csv(lines));

        Assert.Equal("children.csv", result.FileName);
        Assert.Equal(20, result.TotalRows);
        string[] expected =
        [
            "ok", "ok", "not_found", "already_sponsored", "duplicate_in_file", "program_not_found", "program_closed",
            "invalid_row", "invalid_row", .. Enumerable.Repeat("ok", 10), "over_max_children",
        ];
        Assert.Equal(expected, result.Rows.Select(r => r.Outcome));
        Assert.Equal(Enumerable.Range(1, 20), result.Rows.Select(r => r.Row));
        Assert.Equal(12, result.OkRows);
        Assert.Equal(8, result.ErrorRows);
        Assert.Contains("row 1", result.Rows[4].Message);
        Assert.Equal(open, result.Rows[0].ProgramId);
        Assert.Equal("Learner1 S.", result.Rows[0].StudentDisplayName); // first name and last initial only
        Assert.All(result.Rows.Where(r => r.StudentDisplayName is not null), r => Assert.DoesNotContain("Surname", r.StudentDisplayName));

        var byProgram = result.ByProgram.ToDictionary(p => p.ProgramId);
        Assert.Equal(2, byProgram[open].Adding);
        Assert.Null(byProgram[open].CapacityLeft);
        Assert.Equal(10, byProgram[small].Adding);
        Assert.Equal(0, byProgram[small].CapacityLeft);
        Assert.Equal(before, await api.WithDbAsync(db => db.SponsoredChildren.CountAsync()));
    }

    [Fact]
    public async Task The_programId_field_fills_in_for_a_file_without_a_program_column()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var students = await CreateStudentsAsync(api, 3);
        var program = await CreateProgramAsync(client);
        var file = Csv(["admission_number,school", .. students.Select(s => $"{s.AdmissionNumber},{s.School}")]);

        var result = await DryRunAsync(client, "no-program.csv", file, program.ToString());

        Assert.All(result.Rows, r => Assert.Equal((ImportOutcome.Ok, program), (r.Outcome, r.ProgramId)));
    }

    [Fact]
    public async Task Semicolon_separated_CSV_with_a_byte_order_mark_and_blank_lines_is_read()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var students = await CreateStudentsAsync(api, 2);
        var program = await CreateProgramAsync(client);
        var text = $"\uFEFFstudent_id;program\n{students[0].Id};{program}\n\n{students[1].Id};{program}\n";

        var result = await DryRunAsync(client, "excel-export.csv", System.Text.Encoding.UTF8.GetBytes(text));

        Assert.Equal(["ok", "ok"], result.Rows.Select(r => r.Outcome));
        Assert.Equal([1, 3], result.Rows.Select(r => r.Row)); // the blank line keeps its place, as in a spreadsheet
    }

    [Fact]
    public async Task An_xlsx_file_is_read_with_numeric_admission_numbers_and_loose_headers()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var school = $"Numeric School {Guid.NewGuid():N}";
        var students = await CreateStudentsAsync(api, 2, school);
        await api.WithDbAsync(async db =>
        {
            var ids = students.Select(s => s.Id).ToList();
            var stored = await db.Students.Where(s => ids.Contains(s.Id)).OrderBy(s => s.AdmissionNumber).ToListAsync();
            stored[0].AdmissionNumber = "4521";
            await db.SaveChangesAsync();
        });
        var program = await CreateProgramAsync(client);

        var xlsx = Xlsx([
            new() { ["Admission No"] = 4521, ["School Name"] = school, ["Programme"] = program.ToString() },
            new() { ["Admission No"] = students[1].AdmissionNumber, ["School Name"] = school, ["Programme"] = program.ToString() },
        ]);
        var result = await DryRunAsync(client, "children.xlsx", xlsx);

        Assert.Equal(["ok", "ok"], result.Rows.Select(r => r.Outcome));
        Assert.Equal("4521", result.Rows[0].AdmissionNumber);
    }

    [Fact]
    public async Task The_number_of_queries_does_not_grow_with_the_rows()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var students = await CreateStudentsAsync(api, 300);
        var program = await CreateProgramAsync(client);
        byte[] File(int rows) => Csv(["student_id,admission_number,school,program", .. students.Take(rows).Select((s, i) =>
            i % 2 == 0 ? Line(null, s.AdmissionNumber, s.School, program.ToString()) : Line(s.Id.ToString(), null, null, program.ToString()))]);

        async Task<int> Count(byte[] file)
        {
            await api.ReadAuditsWrittenAsync(); // a read audit queued earlier is not written inside the count
            api.Queries.Reset();
            await DryRunAsync(client, "q.csv", file);
            return api.Queries.Count;
        }

        await Count(File(5)); // warm up: the first request of a session loads the user
        Assert.Equal(await Count(File(5)), await Count(File(300)));
    }
}
