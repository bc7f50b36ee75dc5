using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Platform.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.Property(n => n.Category).HasMaxLength(40);
        b.Property(n => n.Title).HasMaxLength(200);
        b.HasIndex(n => new { n.UserId, n.ReadAt });
        b.HasIndex(n => n.CreatedAt);
    }
}
