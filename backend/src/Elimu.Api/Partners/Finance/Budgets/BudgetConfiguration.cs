using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Finance.Budgets;

internal sealed class BudgetConfiguration : IEntityTypeConfiguration<PartnerBudget>, IEntityTypeConfiguration<BudgetAllocation>
{
    public void Configure(EntityTypeBuilder<PartnerBudget> b)
    {
        b.ToTable("partner_budgets");
        b.Property(x => x.Currency).HasMaxLength(3);
        b.HasOne<Platform.Identity.AppUser>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Cascade);
        // One budget per partner and year, kept by the database: two saves racing make one row, the second a 409.
        b.HasIndex(x => new { x.PartnerId, x.FiscalYear }).IsUnique();
        b.HasMany(x => x.Allocations).WithOne().HasForeignKey(a => a.BudgetId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<BudgetAllocation> b)
    {
        b.ToTable("budget_allocations");
        b.HasIndex(x => new { x.BudgetId, x.ProgramId }).IsUnique();
        b.HasIndex(x => x.ProgramId);
    }
}
