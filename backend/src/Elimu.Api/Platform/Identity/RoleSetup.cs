using Microsoft.AspNetCore.Identity;

namespace Elimu.Api.Platform.Identity;

public static class RoleSetup
{
    /// <summary>Creates the five platform roles when missing; safe to run on every start.</summary>
    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<AppRole>>();
        foreach (var name in Roles.All)
            if (!await roles.RoleExistsAsync(name))
                await roles.CreateAsync(new AppRole(name));
    }
}
