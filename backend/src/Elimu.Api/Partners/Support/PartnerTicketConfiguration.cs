using Elimu.Api.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Support;

internal sealed class PartnerTicketConfiguration : IEntityTypeConfiguration<PartnerTicket>
{
    public void Configure(EntityTypeBuilder<PartnerTicket> b)
    {
        b.ToTable("partner_tickets");
        b.Property(t => t.Subject).HasMaxLength(TicketLimits.SubjectLength);
        b.Property(t => t.Description).HasMaxLength(TicketLimits.TextLength);
        b.Property(t => t.Category).HasMaxLength(60);
        b.Property(t => t.AiTriageCategory).HasMaxLength(60);
        b.Property(t => t.AiTriageSource).HasMaxLength(60);
        b.Property(t => t.AiTriageModel).HasMaxLength(100);
        b.Property(t => t.Resolution).HasMaxLength(TicketLimits.TextLength);
        b.ComplexCollection(t => t.Attachments, a => a.ToJson());
        b.HasOne(t => t.Partner).WithMany().HasForeignKey(t => t.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Assignee).WithMany().HasForeignKey(t => t.AssignedTo).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AppUser>().WithMany().HasForeignKey(t => t.OpenedBy).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(t => new { t.PartnerId, t.Status });
        b.HasIndex(t => new { t.Status, t.UpdatedAt });
        b.HasIndex(t => t.AssignedTo);
        b.HasIndex(t => t.CreatedAt);
    }
}

internal sealed class TicketMessageConfiguration : IEntityTypeConfiguration<TicketMessage>
{
    public void Configure(EntityTypeBuilder<TicketMessage> b)
    {
        b.ToTable("ticket_messages");
        b.Property(m => m.Party).HasMaxLength(20);
        b.Property(m => m.Event).HasMaxLength(20);
        b.Property(m => m.Body).HasMaxLength(TicketLimits.TextLength);
        b.HasOne<PartnerTicket>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Author).WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(m => new { m.TicketId, m.CreatedAt });
    }
}

internal sealed class TicketAttachmentConfiguration : IEntityTypeConfiguration<TicketAttachment>
{
    public void Configure(EntityTypeBuilder<TicketAttachment> b)
    {
        b.ToTable("ticket_attachments");
        b.Property(a => a.FileName).HasMaxLength(TicketFileRules.MaxFileNameLength);
        b.Property(a => a.ContentType).HasMaxLength(100);
        b.HasOne<PartnerTicket>().WithMany().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<TicketMessage>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UploadedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => new { a.TicketId, a.MessageId });
    }
}
