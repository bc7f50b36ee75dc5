using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Collaboration;

internal sealed class CollaborationConfiguration :
    IEntityTypeConfiguration<PartnerMessage>, IEntityTypeConfiguration<PartnerMeeting>, IEntityTypeConfiguration<MessageAttachmentFile>
{
    public void Configure(EntityTypeBuilder<PartnerMessage> b)
    {
        b.ToTable("partner_messages");
        b.Property(m => m.Subject).HasMaxLength(200);
        b.ComplexCollection(m => m.Attachments, a => a.ToJson());
        b.HasOne(m => m.Partner).WithMany().HasForeignKey(m => m.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.Recipient).WithMany().HasForeignKey(m => m.RecipientId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Platform.Identity.AppUser>().WithMany().HasForeignKey(m => m.SenderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.PartnerId, m.CreatedAt });
        b.HasIndex(m => new { m.RecipientId, m.ReadAt });
        b.HasIndex(m => new { m.SenderId, m.CreatedAt });
        b.HasIndex(m => new { m.ThreadId, m.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<PartnerMeeting> b)
    {
        b.ToTable("partner_meetings");
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.MeetingUrl).HasMaxLength(500);
        b.ComplexCollection(m => m.Attendees, a => a.ToJson());
        b.HasOne(m => m.Partner).WithMany().HasForeignKey(m => m.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.PartnerId, m.ScheduledAt });
        b.HasIndex(m => new { m.Status, m.ScheduledAt });
    }

    public void Configure(EntityTypeBuilder<MessageAttachmentFile> b)
    {
        b.ToTable("partner_message_files");
        b.HasOne<PartnerMessage>().WithMany().HasForeignKey(f => f.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(f => new { f.MessageId, f.Position }).IsUnique();
    }
}
