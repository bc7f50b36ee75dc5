using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Students;
using Microsoft.AspNetCore.Identity;

namespace Elimu.Api.Data.Seeding;

/// <summary>The people who sign in to the demo, all with <see cref="DemoSeeder.Password"/>.</summary>
internal sealed record DemoPeople(AppUser Admin, AppUser Staff, AppUser Partner, AppUser Partner2, IReadOnlyList<DemoParent> Parents)
{
    /// <summary>parent@elimu.demo, whose children are in the partner's cohort.</summary>
    public DemoParent Parent => Parents[0];

    public IEnumerable<AppUser> All => [Admin, Staff, Partner, Partner2, .. Parents.Select(p => p.User)];
}

internal sealed record DemoParent(AppUser User, Gender Gender)
{
    public GuardianRelationship OwnChild => Gender == Gender.female ? GuardianRelationship.mother : GuardianRelationship.father;
}

/// <summary>Creates the thirteen Identity accounts (admin, staff, two partners, eight parents) and their roles.</summary>
internal static class DemoAccounts
{
    public const string AdminEmail = "admin@elimu.demo";

    // parent@elimu.demo, parent2@ … parent8@: (first, last, gender). Index matches DemoSchools' parent index.
    private static readonly (string First, string Last, Gender Gender)[] ParentNames =
    [
        ("Grace", "Otieno", Gender.female),
        ("John", "Kamau", Gender.male),
        ("Mwanajuma", "Kazungu", Gender.female),
        ("Joseph", "Kiprono", Gender.male),
        ("Beatrice", "Wafula", Gender.female),
        ("Josephine", "Mutua", Gender.female),
        ("Abdullahi", "Hassan", Gender.male),
        ("Mary", "Nyamweya", Gender.female),
    ];

    public static async Task<DemoPeople> CreateAsync(DemoWorld world, UserManager<AppUser> users)
    {
        // Hashing is deliberately slow (PBKDF2); every demo account has the same password, so hash it once.
        var passwordHash = users.PasswordHasher.HashPassword(new AppUser(), DemoSeeder.Password);

        async Task<AppUser> Create(string email, string first, string last, string role, int daysAgo, string? phone = null)
        {
            var user = new AppUser
            {
                UserName = email, Email = email, EmailConfirmed = true,
                FirstName = first, LastName = last, DisplayName = $"{first} {last}",
                PhoneNumber = phone, PhoneNumberConfirmed = phone is not null,
                PasswordHash = passwordHash,
                CreatedAt = world.AtDaysAgo(daysAgo),
            };
            Check(await users.CreateAsync(user), email);
            Check(await users.AddToRoleAsync(user, role), email);
            return user;
        }

        var admin = await Create(AdminEmail, "Wanjiru", "Kariuki", Roles.Admin, 420);
        var staff = await Create("staff@elimu.demo", "Peter", "Mwangi", Roles.Staff, 380);
        var partner = await Create("partner@elimu.demo", "Esther", "Wambui", Roles.Partner, 150, "+254722000410");
        var partner2 = await Create("partner2@elimu.demo", "David", "Kiprotich", Roles.Partner, 140, "+254733000512");

        var parents = new List<DemoParent>();
        for (var i = 0; i < ParentNames.Length; i++)
        {
            var (first, last, gender) = ParentNames[i];
            var email = i == 0 ? "parent@elimu.demo" : $"parent{i + 1}@elimu.demo";
            var user = await Create(email, first, last, Roles.Parent, 200 + 13 * i, $"+2547{11 + i}000{300 + i}");
            parents.Add(new DemoParent(user, gender));
        }

        var people = new DemoPeople(admin, staff, partner, partner2, parents);
        DemoPartnerProfiles.Add(world, people);
        return people;
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(
                $"Demo seed could not create {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
