using Elimu.Api.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Support;

internal sealed class PartnerTicketConfiguration : IEntityTypeConfiguration<PartnerTicket>
{
    public void Configure(EntityTypeBuilder<PartnerTicket> b)
    {
        b.ToTable("partner_tickets");
        b.Property(t => t.Subject).HasMaxLength(200);
        b.Property(t => t.Category).HasMaxLength(60);
        b.Property(t => t.AiTriageCategory).HasMaxLength(60);
        b.ComplexCollection(t => t.Attachments, a => a.ToJson());
        b.HasOne(t => t.Partner).WithMany().HasForeignKey(t => t.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.AssignedTo).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(t => new { t.PartnerId, t.Status });
        b.HasIndex(t => t.CreatedAt);
    }
}
