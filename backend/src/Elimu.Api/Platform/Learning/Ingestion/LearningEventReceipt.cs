using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Platform.Learning.Ingestion;

/// <summary>
/// The ledger of accepted event ids: its primary key is what makes a resent or overlapping batch store nothing twice,
/// even when two sends race (the second insert of an id does nothing, on both databases).
/// </summary>
public class LearningEventReceipt
{
    public Guid Id { get; set; }
    public LearningEventKind Kind { get; set; }
    public Guid StudentId { get; set; }
    public Guid ServiceKeyId { get; set; }
    public DateTime ReceivedAt { get; set; }
}

internal sealed class LearningEventReceiptConfiguration : IEntityTypeConfiguration<LearningEventReceipt>
{
    public void Configure(EntityTypeBuilder<LearningEventReceipt> b)
    {
        b.ToTable("learning_events");
        b.Property(r => r.Id).ValueGeneratedNever();
    }
}
