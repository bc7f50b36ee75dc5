namespace Elimu.Api.Partners.Finance.Budgets;

/// <summary>
/// A partner's budget for one fiscal year: a total in one currency, shared out between its programs. The year is named by
/// the calendar year it starts in (<see cref="FiscalYear"/>); the first month is the partner's choice, kept on each budget.
/// </summary>
public class PartnerBudget
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public int FiscalYear { get; set; }
    /// <summary>1 (January) to 12: the month the fiscal year starts in.</summary>
    public int StartMonth { get; set; } = Budgets.FiscalYear.DefaultStartMonth;
    public decimal Total { get; set; }
    public string Currency { get; set; } = "KES";
    public List<BudgetAllocation> Allocations { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>The share of a budget set aside for one of the partner's programs, in the budget's currency.</summary>
public class BudgetAllocation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid BudgetId { get; set; }
    public Guid ProgramId { get; set; }
    public decimal Amount { get; set; }
}
