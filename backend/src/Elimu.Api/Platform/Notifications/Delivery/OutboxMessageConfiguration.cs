using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Platform.Notifications.Delivery;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.Property(m => m.Channel).HasMaxLength(10);
        b.Property(m => m.Status).HasMaxLength(10);
        b.Property(m => m.To).HasMaxLength(256);
        b.Property(m => m.ToName).HasMaxLength(200);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.LastError).HasMaxLength(1000);
        // The dispatcher's scan: what is pending and due, oldest first.
        b.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
