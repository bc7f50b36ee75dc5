using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Elimu.Api.Platform.Identity;

/// <summary>
/// A hash made once with the same hasher and settings as real accounts, checked when the email matches no account,
/// so an unknown address costs the same time as a wrong password on a real one.
/// </summary>
public sealed class UnknownAccountPassword(IServiceScopeFactory scopes)
{
    private static readonly AppUser Nobody = new();
    private readonly Lazy<(IPasswordHasher<AppUser> Hasher, string Hash)> _dummy = new(() =>
    {
        using var scope = scopes.CreateScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>();
        return (hasher, hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
    });

    /// <summary>Always false; spends the time a real verification would.</summary>
    public bool Verify(string password)
    {
        var (hasher, hash) = _dummy.Value;
        hasher.VerifyHashedPassword(Nobody, hash, password);
        return false;
    }
}
