namespace Elimu.Api.Partners.Finance.Budgets;

/// <summary>
/// A fiscal year's budget against what was paid and what is already owed. Every amount is in <see cref="Currency"/>;
/// money paid or owed in another currency is never converted: it is listed apart in <see cref="OtherCurrencies"/>.
/// </summary>
/// <param name="Exists">False when no budget was saved for the year yet: the figures still show spending and commitments.</param>
/// <param name="AsOf">Today in Nairobi: months before it are actual spending, months after it the forecast.</param>
/// <param name="Unallocated">The total not yet shared out between programs.</param>
public sealed record BudgetOverview(int Year, string Label, int StartMonth, DateOnly StartDate, DateOnly EndDate, bool Exists,
    string Currency, decimal Total, decimal Unallocated, BudgetFigures Totals, IReadOnlyList<ProgramBudget> Programs,
    IReadOnlyList<BudgetMonth> Months, IReadOnlyList<OtherCurrencyFigures> OtherCurrencies, DateOnly AsOf);

/// <param name="Spent">Completed payments received in the year.</param>
/// <param name="Committed">Invoices still pending, and the renewals of active subscriptions due from today to the end of the year.</param>
/// <param name="Remaining">Allocated − spent − committed (negative when over).</param>
public sealed record BudgetFigures(decimal Allocated, decimal Spent, decimal Committed, decimal Remaining);

public sealed record ProgramBudget(Guid ProgramId, string ProgramName, decimal Allocated, decimal Spent, decimal Committed, decimal Remaining);

/// <param name="Month">The first day of the month.</param>
/// <param name="Actual">Paid in the month (up to today).</param>
/// <param name="Forecast">Owed in the month from today on: pending invoices (this month) and renewals.</param>
/// <param name="Kind">past, current or future.</param>
public sealed record BudgetMonth(DateOnly Month, decimal Actual, decimal Forecast, string Kind);

public sealed record OtherCurrencyFigures(string Currency, decimal Spent, decimal Committed);

/// <summary>Creates or replaces the year's budget and its allocations (the list is the whole set: a program left out has none).</summary>
/// <param name="StartMonth">1–12; the partner's fiscal year start, July when never chosen.</param>
public sealed record SaveBudgetRequest(int? Year, int? StartMonth, decimal? Total, string? Currency, IReadOnlyList<AllocationRequest?>? Allocations);

public sealed record AllocationRequest(Guid? ProgramId, decimal? Amount);

public sealed record BudgetQuery(int? Year);
