using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Ai;

/// <summary>How one provider attempt (or one cache hit) ended.</summary>
public enum AiCallOutcome
{
    Success,
    CacheHit,
    /// <summary>The provider answered, but the task's Parse refused the answer (schema, allowed lists, malformed).</summary>
    Rejected,
    Failed,
    TimedOut,
    /// <summary>The provider's breaker was open (its cooldown): no request was sent.</summary>
    CircuitOpen,
    Cancelled,
}

/// <summary>One row per provider attempt and per cache hit: what the AI features cost, how fast and how reliable they are.</summary>
public class AiCall
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTime At { get; set; }
    public AiTaskType TaskType { get; set; }
    /// <summary>Lower-case provider name: anthropic, gemini, offline.</summary>
    public string Provider { get; set; } = "";
    public string Model { get; set; } = "";
    /// <summary>The partner whose budget the call spends (the partner account's user id), if any.</summary>
    public Guid? PartnerId { get; set; }
    public long? InputTokens { get; set; }
    public long? OutputTokens { get; set; }
    public int LatencyMs { get; set; }
    /// <summary>HTTP requests the attempt sent (retries included); 0 for Offline, cache hits and an open breaker.</summary>
    public int HttpAttempts { get; set; }
    public decimal EstimatedCostUsd { get; set; }
    public bool CacheHit { get; set; }
    public AiCallOutcome Outcome { get; set; }
    public string? Error { get; set; }
}

internal sealed class AiCallConfiguration : IEntityTypeConfiguration<AiCall>
{
    public void Configure(EntityTypeBuilder<AiCall> b)
    {
        b.ToTable("ai_calls");
        b.Property(c => c.Provider).HasMaxLength(40);
        b.Property(c => c.Model).HasMaxLength(120);
        b.Property(c => c.Error).HasMaxLength(500);
        // Fractions of a cent per call: six decimals, not money's two.
        b.Property(c => c.EstimatedCostUsd).HasPrecision(18, 6);
        b.HasIndex(c => c.At);
        // The monthly budget check and the per-partner totals.
        b.HasIndex(c => new { c.PartnerId, c.At });
    }
}
