// ./elimu bench seed: the scale data of issue 15 (one partner, 50 programs, 10,000 sponsored children, 40,000 other
// students in all 47 counties, a year of learning) bulk-loaded into a database that already holds the demo seed.
// Usage: ScaleSeed sqlite|postgres <connection-string>
//        ScaleSeed finance sqlite|postgres <connection-string>   the billing history of bench/finance.sh (ScaleFinance.cs)
//        ScaleSeed csv <file>   the enrollment file of the dry-run target: 10,000 of the scale students no one sponsors,
//                               named by admission number and school, into one of the partner's running programs.
using System.Diagnostics;
using Elimu.Api.Data;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Students;
using Elimu.Bench.ScaleSeed;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

if (args.Length == 2 && args[0] == "csv")
{
    var rows = ScaleStudents.Build(new ScaleWorld(DateTime.UtcNow)).Where(s => !s.Sponsored).Take(10_000)
        .Select(s => $"{s.Student.AdmissionNumber},{s.Student.School},{ScalePartner.ImportProgram}");
    await File.WriteAllLinesAsync(args[1], ["admission_number,school,program", .. rows]);
    return 0;
}
if (args.Length == 3 && args[0] == "finance" && args[1] is "sqlite" or "postgres")
{
    // ScaleSeed finance sqlite|postgres <connection-string>: bench/finance.sh's billing history (see ScaleFinance).
    await using AppDbContext finance = args[1] == "sqlite"
        ? new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(args[2]).UseSnakeCaseNamingConvention().Options)
        : new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(args[2]).UseSnakeCaseNamingConvention().Options);
    return await ScaleFinance.SeedAsync(finance);
}
if (args.Length != 2 || args[0] is not ("sqlite" or "postgres"))
{
    Console.Error.WriteLine("usage: ScaleSeed sqlite|postgres <connection-string> | ScaleSeed csv <file>");
    return 2;
}
var (provider, connection) = (args[0], args[1]);
AppDbContext db = provider == "sqlite"
    ? new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite(connection).UseSnakeCaseNamingConvention().Options)
    : new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(connection, o => o.CommandTimeout(600)).UseSnakeCaseNamingConvention().Options);

var clock = Stopwatch.StartNew();
var world = new ScaleWorld(DateTime.UtcNow);
var areas = await db.LearningAreas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name);
var courses = await db.Courses.AsNoTracking().Include(c => c.Lessons).ToListAsync();
var curriculum = new Curriculum(courses.GroupBy(c => c.Grade).ToDictionary(g => g.Key, g => (IReadOnlyList<Course>)g.OrderBy(c => c.Title).ToList()), areas);

var students = ScaleStudents.Build(world);
var partner = await ScalePartner.CreateAsync(db, world, students.Count(s => s.Sponsored));
var sponsorships = ScaleSponsorships.Build(world, partner, students);
var learning = new ScaleLearning(world, curriculum);

// About 124 rows a student (6.2 million); the bar measures against this estimate and the summary gives the exact count.
var progress = new Progress(124L * ScaleStudents.Count);
await using (BulkTarget target = provider == "sqlite"
    ? await SqliteTarget.OpenAsync(db, connection, progress)
    : await PostgresTarget.OpenAsync(db, connection, progress))
{
    async Task Load<T>(string stage, IEnumerable<T> rows) where T : class
    {
        progress.Stage(stage);
        await target.LoadAsync(rows);
    }
    await Load("students", students.Select(s => s.Student));
    await Load("guardian accounts", sponsorships.Parents);
    await Load("guardian roles", sponsorships.ParentRoles);
    await Load("guardianships", sponsorships.Guardianships);
    await Load("sponsored children", sponsorships.Children);
    await Load("consents", sponsorships.Consents);
    await Load("activity sessions", students.SelectMany(learning.SessionsOf));
    await Load("assessments", students.SelectMany(learning.AssessmentsOf));
    await Load("competency scores", students.SelectMany(learning.CompetencyScoresOf));
    await Load("course enrollments", students.SelectMany(learning.EnrollmentsOf));
    await Load("lesson progress", students.SelectMany(learning.ProgressOf));
    await Load("achievements", students.SelectMany(learning.AchievementsOf));
    progress.Stage("statistics (ANALYZE)");
    await target.FinishAsync();
    progress.Done();
}

async Task<string> Count<T>(DbSet<T> set) where T : class => $"{await set.CountAsync():N0}";
Console.WriteLine($"Scale data loaded into {provider} in {clock.Elapsed.TotalSeconds:F0} s ({progress.Rows:N0} rows written):");
Console.WriteLine($"  partner {ScalePartner.Email} (password as the demo accounts): {partner.Programs.Count} programs, "
    + $"{sponsorships.Children.Count:N0} sponsored children, {sponsorships.Consents.Count:N0} consent rows, {sponsorships.Parents.Count:N0} guardians");
Console.WriteLine($"  students {await Count(db.Students)}, activity sessions {await Count(db.ActivitySessions)}, assessments {await Count(db.Assessments)}, "
    + $"competency scores {await Count(db.CompetencyScores)}, lesson progress {await Count(db.LessonProgress)}, achievements {await Count(db.Achievements)}");
Console.WriteLine("  children by status: " + string.Join(", ", sponsorships.Children.GroupBy(c => c.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count():N0}")));
return 0;
