using Elimu.Api.Data;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Profiles;
using Elimu.Api.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Elimu.Api.Tests.Infrastructure;

public static class TestUsers
{
    public const string Password = "Test#Pass2026";

    /// <summary>
    /// Creates a fresh user in the given role, so a test can lock or change it without touching shared data. A partner
    /// comes with its organisation's profile and is that team's owner, as every partner account is.
    /// </summary>
    public static async Task<AppUser> CreateAsync(this ElimuApiFactory api, string role, string? email = null)
    {
        using var scope = api.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        email ??= $"{role}-{Guid.NewGuid():N}@test.elimu";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FirstName = "Test", LastName = role, DisplayName = $"Test {role}" };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        if (role == Roles.Partner)
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.PartnerProfiles.Add(new PartnerProfile
            {
                UserId = user.Id, OrganizationName = $"Test organisation {user.Id:N}"[..30], DisplayName = "Test organisation",
                Members = [PartnerTeamMember.Founder(user.Id)],
            });
            await db.SaveChangesAsync();
        }
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
