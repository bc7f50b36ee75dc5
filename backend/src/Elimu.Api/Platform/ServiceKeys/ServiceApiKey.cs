using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Platform.ServiceKeys;

/// <summary>
/// A platform service's API key (the learning apps that send events). Only the SHA-256 of the key is stored: keys are
/// 256 random bits, so a fast hash is safe and lets a request find its key by the hash. A key works until revoked, so
/// a rotation creates the new key first and revokes the old one once every sender has switched.
/// </summary>
public class ServiceApiKey
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public byte[] KeyHash { get; set; } = [];
    /// <summary>The key's first characters, so an operator can tell keys apart without the secret.</summary>
    public string Prefix { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

internal sealed class ServiceApiKeyConfiguration : IEntityTypeConfiguration<ServiceApiKey>
{
    public void Configure(EntityTypeBuilder<ServiceApiKey> b)
    {
        b.ToTable("service_api_keys");
        b.Property(k => k.Name).HasMaxLength(100);
        b.Property(k => k.Prefix).HasMaxLength(16);
        b.Property(k => k.KeyHash).HasMaxLength(32);
        b.HasIndex(k => k.KeyHash).IsUnique();
    }
}
