using Elimu.Api.Data;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Profiles;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Bench.ScaleSeed;

/// <summary>The scale partner (signs in as <see cref="Email"/> with the demo password) and its 50 programs.</summary>
public sealed record ScalePartnerData(AppUser Partner, string Name, IReadOnlyList<SponsorshipProgram> Programs, IReadOnlyList<int> Sizes,
    string PasswordHash, Guid ParentRoleId, Guid AdminId);

/// <summary>Creates the partner, its profile and its programs through EF (a few rows, so the ordinary way).</summary>
public static class ScalePartner
{
    public const string Email = "scale@elimu.demo";
    public const string Name = "Harambee Learning Trust";
    public const int Programs = 50;
    /// <summary>A running program with no maximum (program 1), which the dry-run benchmark enrolls into.</summary>
    public const string ImportProgram = "Kwale Learners 2026";
    private const int Table = 2;

    /// <summary>Statuses by program index: 42 running, 2 paused, 1 completed, 1 cancelled, 2 waiting for approval, 2 drafts.</summary>
    public static ProgramStatus StatusOf(int index) => index switch
    {
        < 42 => ProgramStatus.ACTIVE,
        < 44 => ProgramStatus.PAUSED,
        44 => ProgramStatus.COMPLETED,
        45 => ProgramStatus.CANCELLED,
        < 48 => ProgramStatus.PENDING_APPROVAL,
        _ => ProgramStatus.DRAFT,
    };

    public static async Task<ScalePartnerData> CreateAsync(AppDbContext db, ScaleWorld world, int children)
    {
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == Email.ToUpperInvariant()))
            throw new InvalidOperationException($"{Email} already exists: the scale data is loaded into a fresh database (the script deletes it first).");
        var demoPartner = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == "PARTNER@ELIMU.DEMO")
            ?? throw new InvalidOperationException("Run the demo seed first (the scale data reuses its curriculum and password).");
        var admin = await db.Users.SingleAsync(u => u.NormalizedEmail == "ADMIN@ELIMU.DEMO");
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        var rng = ScaleWorld.RngFor(Table, 0);

        var partner = NewUser(Email, "Amani", "Chege", demoPartner.PasswordHash!, world.AtDaysAgo(rng, 420), rng);
        db.Users.Add(partner);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = partner.Id, RoleId = roles[Roles.Partner] });
        db.PartnerProfiles.Add(new PartnerProfile
        {
            UserId = partner.Id, Members = [PartnerTeamMember.Founder(partner.Id)], OrganizationName = Name, DisplayName = Name, OrganizationType = OrganizationType.Foundation,
            Tagline = "Ten thousand learners, one dashboard.", ContactPerson = partner.DisplayName, ContactEmail = "programmes@harambee.demo",
            Address = new PostalAddress { Line1 = "Harambee Avenue", City = "Nairobi", County = "Nairobi", PostalCode = "00100", Country = "Kenya" },
            PartnershipTier = PartnershipTier.enterprise, OnboardingCompleted = true, OnboardingStep = 5,
            CreatedAt = partner.CreatedAt, UpdatedAt = partner.CreatedAt,
        });

        var sizes = Sizes(children);
        var ids = world.Ids(Table);
        var programs = new List<SponsorshipProgram>();
        for (var i = 0; i < Programs; i++)
        {
            var status = StatusOf(i);
            var created = world.AtDaysAgo(rng, status is ProgramStatus.DRAFT or ProgramStatus.PENDING_APPROVAL ? rng.Next(5, 30) : rng.Next(330, 364));
            var approved = status is ProgramStatus.DRAFT or ProgramStatus.PENDING_APPROVAL ? (DateTime?)null : created.AddDays(rng.Next(2, 8));
            var start = DateOnly.FromDateTime(approved ?? created).AddDays(7);
            var county = Elimu.Api.Platform.Students.KenyaCounties.All[i % 47];
            var program = new SponsorshipProgram
            {
                Id = ids.Next(), PartnerId = partner.Id, Name = $"{county} Learners {2026 + i / 47}",
                Description = $"Harambee sponsors learners in {county} and beyond: an Elimu subscription, data bundles and a reading circle at each school.",
                ProgramType = i % 3 == 0 ? ProgramType.direct : ProgramType.cohort, Status = status,
                MinChildren = 10, MaxChildren = i % 4 == 0 ? sizes[i] + 50 : null,
                BillingPeriod = (BillingPeriod)(i % 3), PricePerChild = 1_000m + 100 * (i % 10), Currency = "KES",
                StartDate = start, EndDate = status == ProgramStatus.COMPLETED ? world.Today.AddDays(-10) : start.AddYears(1),
                Goals = [new() { Title = "150 minutes of learning per child per week", Metric = "avg_weekly_minutes", Target = 150 }],
                SubmittedAt = status == ProgramStatus.DRAFT ? null : (approved ?? created.AddDays(2)).AddDays(-1),
                ApprovedAt = approved, ApprovedBy = approved is null ? null : admin.Id,
                CreatedAt = created, UpdatedAt = approved ?? created,
            };
            programs.Add(program);
        }
        db.SponsorshipPrograms.AddRange(programs);
        await db.SaveChangesAsync();
        return new ScalePartnerData(partner, Name, programs, sizes, demoPartner.PasswordHash!, roles[Roles.Parent], admin.Id);
    }

    /// <summary>Between about 100 and 300 children per program, summing to <paramref name="children"/>.</summary>
    private static int[] Sizes(int children)
    {
        var weights = Enumerable.Range(0, Programs).Select(i => 100 + i * 53 % 201).ToArray();
        var sizes = weights.Select(w => children * w / weights.Sum()).ToArray();
        sizes[0] += children - sizes.Sum();
        return sizes;
    }

    public static AppUser NewUser(string email, string first, string last, string passwordHash, DateTime created, Random rng, Guid? id = null)
    {
        var user = new AppUser
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true, FirstName = first, LastName = last, DisplayName = $"{first} {last}", PasswordHash = passwordHash,
            SecurityStamp = NewStamp(rng), ConcurrencyStamp = NewStamp(rng), LockoutEnabled = true, CreatedAt = created,
        };
        if (id is { } given) user.Id = given;
        return user;
    }

    private static string NewStamp(Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        return Convert.ToHexString(bytes);
    }
}
