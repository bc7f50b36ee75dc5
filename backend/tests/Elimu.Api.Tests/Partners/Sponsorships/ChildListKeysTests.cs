using System.Net;
using Elimu.Api.Common;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Platform.Students;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Partners.Sponsorships.SponsorshipScenario;

namespace Elimu.Api.Tests.Partners.Sponsorships;

/// <summary>
/// Issue 15: the children list filters by grade and sorts by first name from copies of the student's grade and first
/// name on sponsored_children (migration I15ChildListKeys), kept by the database. These tests pin that the list still
/// answers with the student's current grade and name (a child enrolled through the API, then a student whose grade and
/// name change), and that the count and the page no longer read the students table.
/// </summary>
public sealed class ChildListKeysTests(PlanRecordingApiFactory api) : IClassFixture<PlanRecordingApiFactory>
{
    private const string Children = "/api/v1/partner/sponsorships/children";

    private Task<List<Student>> StudentsAsync(string tag, params (string FirstName, CbcGrade Grade)[] who) => api.WithDbAsync(async db =>
    {
        var students = who.Select((w, i) => new Student
        {
            FirstName = w.FirstName + tag, LastName = "Keys", DateOfBirth = new DateOnly(2015, 1, 1), Grade = w.Grade,
            School = $"Keys School {tag}", County = "Kisumu", AdmissionNumber = $"K{i:D4}",
        }).ToList();
        db.Students.AddRange(students);
        await db.SaveChangesAsync();
        return students;
    });

    private static async Task<List<string>> NamesAsync(ApiClient partner, Guid program, string query)
    {
        var page = await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Children}?programId={program}&pageSize=50&{query}");
        Assert.Equal(page.Items.Count, page.Total);
        return page.Items.Select(c => c.FirstName).ToList();
    }

    [Fact]
    public async Task The_list_filters_by_the_students_current_grade_and_sorts_by_its_current_first_name()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var students = await StudentsAsync(tag,
            ("Chebet", CbcGrade.Grade3), ("Akinyi", CbcGrade.Grade3), ("Baraka", CbcGrade.Grade3), ("Wanjiru", CbcGrade.Grade3),
            ("Faith", CbcGrade.Grade3), ("Otieno", CbcGrade.Grade4), ("Mwangi", CbcGrade.Grade4), ("Kamau", CbcGrade.Grade4),
            ("Njeri", CbcGrade.Grade4), ("Zuri", CbcGrade.Grade4));
        var program = await partner.CreateProgramAsync("Keys test");
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"{Programs}/{program.Id}/children",
            new { studentIds = students.Select(s => s.Id) })).StatusCode);

        Assert.Equal(["Akinyi" + tag, "Baraka" + tag, "Chebet" + tag, "Faith" + tag, "Wanjiru" + tag],
            await NamesAsync(partner, program.Id, "grade=Grade3&sort=name"));
        Assert.Equal(["Zuri" + tag, "Otieno" + tag, "Njeri" + tag, "Mwangi" + tag, "Kamau" + tag],
            await NamesAsync(partner, program.Id, "grade=Grade4&sort=name&descending=true"));

        // The platform moves Wanjiru to Grade 4 and corrects Faith's name: the list follows at once.
        await api.WithDbAsync(async db =>
        {
            var wanjiru = await db.Students.SingleAsync(s => s.Id == students[3].Id);
            wanjiru.Grade = CbcGrade.Grade4;
            var faith = await db.Students.SingleAsync(s => s.Id == students[4].Id);
            faith.FirstName = "Adhiambo" + tag;
            await db.SaveChangesAsync();
            return 0;
        });

        Assert.Equal(["Adhiambo" + tag, "Akinyi" + tag, "Baraka" + tag, "Chebet" + tag],
            await NamesAsync(partner, program.Id, "grade=Grade3&sort=name"));
        Assert.Equal(["Kamau" + tag, "Mwangi" + tag, "Njeri" + tag, "Otieno" + tag, "Wanjiru" + tag, "Zuri" + tag],
            await NamesAsync(partner, program.Id, "grade=Grade4&sort=name"));
        Assert.Equal(["Adhiambo" + tag], await NamesAsync(partner, program.Id, $"search=adhiambo{tag}"));
        var stored = await api.WithDbAsync(db => db.SponsoredChildren.Where(c => c.ProgramId == program.Id)
            .Select(c => new { c.StudentGrade, c.StudentFirstName, c.Student!.Grade, c.Student.FirstName }).ToListAsync());
        Assert.Equal(10, stored.Count);
        Assert.All(stored, c => Assert.Equal((c.Grade, c.FirstName), (c.StudentGrade, c.StudentFirstName)));
    }

    [Fact]
    public async Task The_count_and_the_page_of_a_list_by_grade_read_only_sponsored_children_through_an_index()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        api.Plans.Clear();
        var page = await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Children}?status=ACTIVE&grade=Grade5&sort=name&pageSize=5");
        Assert.All(page.Items, c => Assert.Equal(CbcGrade.Grade5, c.Grade));

        // The count and the page of ids filter on the copied grade; neither joins a student to each of the partner's children.
        var filtering = api.Plans.Reading("sponsored_children").Where(q => q.Sql.Contains("student_grade", StringComparison.Ordinal)
            && !q.Sql.Contains("IN (", StringComparison.Ordinal) && !q.Sql.Contains("= ANY", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, filtering.Count);
        foreach (var query in filtering)
        {
            Assert.DoesNotMatch("(FROM|JOIN) \"?students\"?", query.Sql);
            Assert.Empty(await QueryPlans.ScansAsync(api.Database, "sponsored_children", query));
        }
    }
}
