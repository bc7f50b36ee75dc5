using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Analytics.Letters;

public enum LetterBatchStatus { queued, running, completed, failed, cancelled }

/// <summary>
/// A program's progress letters for one school term, made by <see cref="ProgressLetterJob"/>. While it is queued or
/// running, <see cref="ActiveKey"/> holds "program:term start" under a unique index, so a second batch for the same
/// program and term is refused by the database (a 409), even when two requests arrive together on two instances.
/// </summary>
public class ProgressLetterBatch
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public Guid ProgramId { get; set; }
    public string ProgramName { get; set; } = "";
    /// <summary>"Term 3, 2026": the school term of Billing:Terms the letters cover.</summary>
    public string TermName { get; set; } = "";
    public DateOnly TermStart { get; set; }
    public DateOnly TermEnd { get; set; }
    public LetterBatchStatus Status { get; set; } = LetterBatchStatus.queued;
    public string? ActiveKey { get; set; }
    /// <summary>0 to 100.</summary>
    public int Progress { get; set; }
    public string? Stage { get; set; }
    /// <summary>Letters to write (the program's consented children when the run read them) and written so far.</summary>
    public int Total { get; set; }
    public int Done { get; set; }
    public Guid RequestedBy { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? HeartbeatAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? Error { get; set; }

    public static string KeyOf(Guid programId, DateOnly termStart) => $"{programId:N}:{termStart:yyyyMMdd}";
}

/// <summary>
/// One child's letter. The PDF is a file (<see cref="ProgressLetterFiles"/>) named by the letter's id, never by anything a
/// user typed; the row says whose it is and what wrote its narrative.
/// </summary>
public class ProgressLetter
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BatchId { get; set; }
    public Guid SponsoredChildId { get; set; }
    public Guid StudentId { get; set; }
    public string FirstName { get; set; } = "";
    public int Pages { get; set; }
    public int SizeBytes { get; set; }
    public string Provider { get; set; } = "";
    public string Model { get; set; } = "";
    public DateTime GeneratedAt { get; set; }
}

internal sealed class ProgressLetterBatchConfiguration : IEntityTypeConfiguration<ProgressLetterBatch>
{
    public void Configure(EntityTypeBuilder<ProgressLetterBatch> b)
    {
        b.ToTable("progress_letter_batches");
        b.Property(x => x.ProgramName).HasMaxLength(200);
        b.Property(x => x.TermName).HasMaxLength(40);
        b.Property(x => x.ActiveKey).HasMaxLength(60);
        b.Property(x => x.Stage).HasMaxLength(100);
        b.Property(x => x.Error).HasMaxLength(500);
        b.HasOne<Platform.Identity.AppUser>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
        // NULLs do not collide on either database: only queued and running batches hold a key.
        b.HasIndex(x => x.ActiveKey).IsUnique();
        b.HasIndex(x => new { x.PartnerId, x.RequestedAt });
        b.HasIndex(x => new { x.Status, x.HeartbeatAt });
    }
}

internal sealed class ProgressLetterConfiguration : IEntityTypeConfiguration<ProgressLetter>
{
    public void Configure(EntityTypeBuilder<ProgressLetter> b)
    {
        b.ToTable("progress_letters");
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.Provider).HasMaxLength(40);
        b.Property(x => x.Model).HasMaxLength(120);
        b.HasOne<ProgressLetterBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
        // The list's order (first name) within a batch, and one letter per child per batch.
        b.HasIndex(x => new { x.BatchId, x.FirstName, x.Id });
        b.HasIndex(x => new { x.BatchId, x.SponsoredChildId }).IsUnique();
    }
}
