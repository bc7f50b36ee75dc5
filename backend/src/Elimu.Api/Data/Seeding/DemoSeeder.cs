using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Learning.Rollups;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Data.Seeding;

/// <summary>What a seed run added.</summary>
public sealed record SeedResult(bool Seeded, int Users, int Students, int Programs, int SponsoredChildren, int ActivitySessions);

/// <summary>
/// The demo story (DESIGN.md §5) a partner can click through: Tumaini Education Fund with programs in
/// every state, children with and without consent, four months of learning, payments in every state,
/// reports, tickets and messages. Deterministic (one fixed random seed), dated relative to now so the
/// activity is always recent, idempotent, and refused in Production. Log in with any
/// <c>@elimu.demo</c> account and <see cref="Password"/>.
/// </summary>
public static class DemoSeeder
{
    public const string Password = "Demo#2026!";

    /// <summary>Seeds the demo data and returns what was added; a second run adds nothing (idempotent).</summary>
    /// <param name="services">A scoped provider: the seed resolves AppDbContext, UserManager, RoleManager, IHostEnvironment and TimeProvider.</param>
    public static async Task<SeedResult> RunAsync(IServiceProvider services, CancellationToken ct = default)
    {
        if (services.GetRequiredService<IHostEnvironment>().IsProduction())
            throw new InvalidOperationException("The demo seed refuses to run in Production.");

        var db = services.GetRequiredService<AppDbContext>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        await RoleSetup.EnsureRolesAsync(services); // admin, staff, partner, parent, student

        if (await users.FindByEmailAsync(DemoAccounts.AdminEmail) is not null)
            return new SeedResult(false, 0, 0, 0, 0, 0);

        // All or nothing: a failed seed leaves no half story behind (and no admin account that would
        // make the next run think it is done). One transaction is also what makes SQLite fast here.
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear(); // a retried attempt starts from nothing
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            var result = await SeedAsync(new DemoWorld(db, now), users, ct);
            if (transaction is not null) await transaction.CommitAsync(ct);
            return result;
        });
    }

    private static async Task<SeedResult> SeedAsync(DemoWorld world, UserManager<AppUser> users, CancellationToken ct)
    {
        var people = await DemoAccounts.CreateAsync(world, users);
        var courses = DemoCurriculum.Build(world);
        var learners = DemoStudents.Build(world, people);
        var programs = DemoSponsorships.Build(world, people, learners);
        DemoLearnerProfiles.Assign(world, learners, courses);
        DemoLearningActivity.Build(world, learners, courses);
        DemoAssessments.Build(world, learners, courses);
        DemoAchievements.Build(world, learners, courses);
        DemoChildGoals.Build(world, programs, learners, courses);
        DemoConsents.Build(world, programs);
        var payments = DemoFinance.Build(world, people, programs);
        DemoBudgetsGrants.Build(world, people, programs);
        DemoEngagement.Build(world, people, programs, courses, payments);
        DemoTraining.Build(world, people);
        DemoSponsoredCourses.Build(world, programs, courses);

        await world.Db.SaveChangesAsync(ct); // everything but the accounts, which UserManager saved itself
        world.Db.ChangeTracker.Clear(); // ~20,000 tracked rows are of no use to the caller's scope
        // The seed writes raw learning rows as the platform would have; the figures read the daily rollups made from them.
        await LearningRollups.RebuildAsync(world.Db, [.. learners.All.Select(l => l.Student.Id)], ct: ct);

        return new SeedResult(
            Seeded: true,
            Users: people.All.Count(),
            Students: learners.All.Count,
            Programs: programs.All.Count,
            SponsoredChildren: programs.Children.Count(),
            ActivitySessions: learners.All.Sum(l => l.Sessions.Count));
    }
}
