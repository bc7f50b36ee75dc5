using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Finance;

internal sealed class FinanceConfiguration :
    IEntityTypeConfiguration<PaymentMethod>, IEntityTypeConfiguration<PartnerSubscription>,
    IEntityTypeConfiguration<PartnerPayment>
{
    public void Configure(EntityTypeBuilder<PaymentMethod> b)
    {
        b.ToTable("payment_methods");
        b.Property(m => m.Label).HasMaxLength(100);
        b.Property(m => m.MaskedDetail).HasMaxLength(100);
        b.HasOne(m => m.Partner).WithMany().HasForeignKey(m => m.PartnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => m.PartnerId);
    }

    public void Configure(EntityTypeBuilder<PartnerSubscription> b)
    {
        b.ToTable("partner_subscriptions");
        b.Property(s => s.Currency).HasMaxLength(3);
        b.HasOne(s => s.Partner).WithMany().HasForeignKey(s => s.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Program).WithMany().HasForeignKey(s => s.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.PaymentMethod).WithMany().HasForeignKey(s => s.PaymentMethodId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(s => s.PartnerId);
        b.HasIndex(s => s.ProgramId);
        b.HasIndex(s => new { s.Status, s.NextBillingDate });
    }

    public void Configure(EntityTypeBuilder<PartnerPayment> b)
    {
        b.ToTable("partner_payments");
        b.Property(p => p.Currency).HasMaxLength(3);
        b.Property(p => p.TransactionReference).HasMaxLength(100);
        b.Property(p => p.InvoiceNumber).HasMaxLength(20);
        b.ComplexProperty(p => p.GatewayResponse, c => c.ToJson());
        b.HasOne(p => p.Subscription).WithMany().HasForeignKey(p => p.SubscriptionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(p => p.Partner).WithMany().HasForeignKey(p => p.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => p.PartnerId);
        b.HasIndex(p => p.SubscriptionId);
        b.HasIndex(p => p.InvoiceNumber).IsUnique();
        b.HasIndex(p => new { p.PaymentGateway, p.TransactionReference });
    }
}
