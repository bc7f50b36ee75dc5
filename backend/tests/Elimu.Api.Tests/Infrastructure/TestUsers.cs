using Elimu.Api.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Elimu.Api.Tests.Infrastructure;

public static class TestUsers
{
    public const string Password = "Test#Pass2026";

    /// <summary>Creates a fresh user in the given role, so a test can lock or change it without touching shared data.</summary>
    public static async Task<AppUser> CreateAsync(this ElimuApiFactory api, string role, string? email = null)
    {
        using var scope = api.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        email ??= $"{role}-{Guid.NewGuid():N}@test.elimu";
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, FirstName = "Test", LastName = role, DisplayName = $"Test {role}" };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
