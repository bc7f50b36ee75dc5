using System.Globalization;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Finance.Budgets;

/// <summary>
/// PUT /budget: creates or replaces a year's total and allocations. Field errors are a 400; allocations to programs that
/// are not the partner's, or adding up to more than the total, are a 422 naming the field, and nothing is saved.
/// </summary>
public sealed class SaveBudget(AppDbContext db, ProgramListings programs, BudgetReader reader, TimeProvider clock)
{
    public const int MaxAllocations = 200;

    public async Task<BudgetOverview> SaveAsync(Guid partnerId, SaveBudgetRequest body, CancellationToken ct)
    {
        var v = new Validation()
            .Check(body.Year is not null, "year", "Choose the fiscal year (the calendar year it starts in).")
            .Within("year", body.Year, 2000, 2100)
            .Within("startMonth", body.StartMonth, 1, 12)
            .Check(body.Total is not null, "total", "Enter the year's total.")
            .Money("total", body.Total)
            .Check(body.Currency is null || Currencies.IsIso4217(body.Currency), "currency", "Use an ISO 4217 currency code such as KES or USD.")
            .Check((body.Allocations?.Count ?? 0) <= MaxAllocations, "allocations", $"At most {MaxAllocations} allocations.")
            .NoNulls("allocations", body.Allocations);
        var allocations = body.Allocations ?? [];
        for (var i = 0; i < allocations.Count; i++)
        {
            if (allocations[i] is not { } a) continue;
            v.Check(a.ProgramId is not null, $"allocations[{i}].programId", "Choose a program.")
                .Check(a.Amount is not null, $"allocations[{i}].amount", "Enter an amount.")
                .Check(a.Amount is null || a.Amount >= 0, $"allocations[{i}].amount", "An allocation cannot be negative.")
                .Check(a.Amount is null || a.Amount <= InputLimits.MaxAmount, $"allocations[{i}].amount", "The amount is too large.")
                .Check(a.Amount is null || decimal.Round(a.Amount.Value, InputLimits.AmountDecimals) == a.Amount, $"allocations[{i}].amount", "Use at most 2 decimal places.");
            if (a.ProgramId is { } id && allocations.Take(i).Any(b => b?.ProgramId == id))
                v.Add($"allocations[{i}].programId", "This program is already in the list.");
        }
        v.ThrowIfInvalid();

        var year = body.Year!.Value;
        var list = allocations.Select(a => (Program: a!.ProgramId!.Value, Amount: a.Amount!.Value)).ToList();
        var ids = list.Select(a => a.Program).ToList();
        var own = await programs.OfPartner(partnerId).Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        var refusals = new Dictionary<string, string[]>();
        for (var i = 0; i < list.Count; i++)
            if (!own.Contains(list[i].Program)) refusals[$"allocations[{i}].programId"] = ["This is not one of your programs."];
        var sum = list.Sum(a => a.Amount);
        if (sum > body.Total!.Value)
            refusals["allocations"] = [$"The allocations add up to {sum.ToString("N2", CultureInfo.InvariantCulture)}, more than the total of "
                + $"{body.Total.Value.ToString("N2", CultureInfo.InvariantCulture)}."];
        if (refusals.Count > 0) throw Refused(refusals);

        var budget = await db.PartnerBudgets.Include(b => b.Allocations).SingleOrDefaultAsync(b => b.PartnerId == partnerId && b.FiscalYear == year, ct);
        var others = await db.PartnerBudgets.Where(b => b.PartnerId == partnerId && b.FiscalYear != year).Select(b => b.StartMonth).Distinct().ToListAsync(ct);
        var startMonth = body.StartMonth ?? budget?.StartMonth ?? (others.Count > 0 ? others[0] : FiscalYear.DefaultStartMonth);
        // Fiscal years of one partner must not overlap: the first month is the partner's, not the year's.
        if (others.Any(m => m != startMonth))
            throw Refused(new() { ["startMonth"] = [$"Your other budgets' years start in month {others[0]}; use the same first month."] });

        var now = clock.GetUtcNow().UtcDateTime;
        if (budget is null)
        {
            budget = new PartnerBudget { PartnerId = partnerId, FiscalYear = year, CreatedAt = now };
            db.PartnerBudgets.Add(budget);
        }
        budget.StartMonth = startMonth;
        budget.Total = body.Total.Value;
        budget.Currency = (body.Currency ?? budget.Currency).ToUpperInvariant();
        budget.UpdatedAt = now;
        db.BudgetAllocations.RemoveRange(budget.Allocations.Where(a => !ids.Contains(a.ProgramId)));
        foreach (var (program, amount) in list)
        {
            if (budget.Allocations.FirstOrDefault(a => a.ProgramId == program) is { } existing) existing.Amount = amount;
            else budget.Allocations.Add(new BudgetAllocation { ProgramId = program, Amount = amount });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DatabaseConflicts.IsUniqueViolation(e))
        {
            throw DomainException.Conflict("budget_changed", "The budget was saved by someone else at the same time; reload and try again.");
        }
        return await reader.OverviewAsync(partnerId, year, ct);
    }

    private static DomainException Refused(Dictionary<string, string[]> errors)
    {
        var error = new DomainException(StatusCodes.Status422UnprocessableEntity, "budget_refused", "The budget cannot be saved as it is.",
            string.Join(" ", errors.Values.SelectMany(m => m)));
        error.Extensions["errors"] = errors;
        return error;
    }
}
