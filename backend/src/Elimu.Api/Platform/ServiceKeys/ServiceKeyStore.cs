using System.Security.Cryptography;
using System.Text;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.ServiceKeys;

/// <summary>A key as created: the secret appears here once and is never stored or shown again.</summary>
public sealed record CreatedServiceKey(Guid Id, string Name, string Prefix, DateTime CreatedAt, string Key);

public sealed record ServiceKeyResponse(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

/// <summary>
/// Creates, rotates, revokes and checks service API keys (the admin routes and the <c>service-key</c> command share it).
/// Every change is audited with who made it: the admin, or no one for the command run on the server.
/// </summary>
public sealed class ServiceKeyStore(AppDbContext db, AuditTrail audit, TimeProvider clock)
{
    public const string KeyPrefix = "elk_";
    private const int PrefixLength = 12;
    // A sender's "last used" moves at most this often, so a busy key does not write on every request.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public Task<CreatedServiceKey> CreateAsync(string? name, Guid? actorId, CancellationToken ct) =>
        CreateAsync(name, actorId, "service_key.create", null, ct);

    private async Task<CreatedServiceKey> CreateAsync(string? name, Guid? actorId, string action, string? details, CancellationToken ct)
    {
        var trimmed = name?.Trim() ?? "";
        new Validation().Check(trimmed.Length is > 0 and <= 100, "name", "Name the service (1 to 100 characters).").ThrowIfInvalid();
        var secret = KeyPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var key = new ServiceApiKey
        {
            Name = trimmed, KeyHash = Hash(secret), Prefix = secret[..PrefixLength], CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(key);
        audit.Record(actorId, action, "service_api_key", key.Id, details ?? $"{key.Name} ({key.Prefix}…)");
        await db.SaveChangesAsync(ct);
        return new(key.Id, key.Name, key.Prefix, key.CreatedAt, secret);
    }

    /// <summary>A new key under the same name; the old one keeps working until it is revoked.</summary>
    public async Task<CreatedServiceKey> RotateAsync(Guid id, Guid? actorId, CancellationToken ct)
    {
        var old = await db.Set<ServiceApiKey>().AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw DomainException.NotFound("Service key");
        if (old.RevokedAt is not null) throw DomainException.Conflict("key_revoked", "This key is revoked; create a new key instead of rotating it.");
        return await CreateAsync(old.Name, actorId, "service_key.rotate", $"{old.Name}: replaces key {old.Id} ({old.Prefix}…)", ct);
    }

    public async Task<ServiceKeyResponse> RevokeAsync(Guid id, Guid? actorId, CancellationToken ct)
    {
        var key = await db.Set<ServiceApiKey>().FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw DomainException.NotFound("Service key");
        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow().UtcDateTime;
            audit.Record(actorId, "service_key.revoke", "service_api_key", key.Id, $"{key.Name} ({key.Prefix}…)");
        }
        await db.SaveChangesAsync(ct);
        return Describe(key);
    }

    public async Task<List<ServiceKeyResponse>> ListAsync(CancellationToken ct) =>
        (await db.Set<ServiceApiKey>().AsNoTracking().OrderBy(k => k.Name).ThenBy(k => k.CreatedAt).ToListAsync(ct)).Select(Describe).ToList();

    /// <summary>The live key a secret belongs to, or null. Found by its hash, confirmed in constant time.</summary>
    public async Task<ServiceApiKey?> FindLiveAsync(string secret, CancellationToken ct)
    {
        if (!secret.StartsWith(KeyPrefix, StringComparison.Ordinal) || secret.Length > 100) return null;
        var hash = Hash(secret);
        var key = await db.Set<ServiceApiKey>().AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == hash, ct);
        if (key is null || key.RevokedAt is not null || !CryptographicOperations.FixedTimeEquals(key.KeyHash, hash)) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is null || now - key.LastUsedAt >= LastUsedResolution)
        {
            var before = now - LastUsedResolution;
            await db.Set<ServiceApiKey>().Where(k => k.Id == key.Id && (k.LastUsedAt == null || k.LastUsedAt < before))
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), ct);
        }
        return key;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ServiceKeyResponse Describe(ServiceApiKey k) => new(k.Id, k.Name, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt);
}
