using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Collaboration;

internal sealed class CollaborationConfiguration :
    IEntityTypeConfiguration<PartnerMessage>, IEntityTypeConfiguration<PartnerMeeting>
{
    public void Configure(EntityTypeBuilder<PartnerMessage> b)
    {
        b.ToTable("partner_messages");
        b.Property(m => m.Subject).HasMaxLength(200);
        b.ComplexCollection(m => m.Attachments, a => a.ToJson());
        b.HasOne(m => m.Partner).WithMany().HasForeignKey(m => m.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(m => m.Recipient).WithMany().HasForeignKey(m => m.RecipientId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.PartnerId, m.CreatedAt });
        b.HasIndex(m => new { m.RecipientId, m.ReadAt });
    }

    public void Configure(EntityTypeBuilder<PartnerMeeting> b)
    {
        b.ToTable("partner_meetings");
        b.Property(m => m.Title).HasMaxLength(200);
        b.Property(m => m.MeetingUrl).HasMaxLength(500);
        b.ComplexCollection(m => m.Attendees, a => a.ToJson());
        b.HasOne(m => m.Partner).WithMany().HasForeignKey(m => m.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.PartnerId, m.ScheduledAt });
    }
}
