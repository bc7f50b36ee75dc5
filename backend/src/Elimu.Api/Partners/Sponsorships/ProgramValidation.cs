using Elimu.Api.Common;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>Plan Step 3's rules for a program: at least ten children, dates in order, a price, an ISO 4217 currency; bounds from <see cref="InputLimits"/>.</summary>
public static class ProgramValidation
{
    public const int MaxGoals = 20;

    public static void Validate(ProgramRequest r)
    {
        var v = new Validation();
        v.Check(!string.IsNullOrWhiteSpace(r.Name), "name", "Give the program a name.")
         .Text("name", r.Name, InputLimits.ShortText)
         .Text("description", r.Description, InputLimits.LongText)
         .Text("customPricingNotes", r.CustomPricingNotes, InputLimits.LongText)
         .Check(r.ProgramType is not null, "programType", "Choose direct or cohort.")
         .Check(r.BillingPeriod is not null, "billingPeriod", "Choose monthly, termly or annual billing.")
         .Check(r.PricePerChild is not null, "pricePerChild", "Set the price per child.")
         .Money("pricePerChild", r.PricePerChild)
         .Check(r.Currency is null || Currencies.IsIso4217(r.Currency), "currency", "Use a three-letter ISO 4217 currency code such as KES.");

        var min = r.MinChildren ?? SponsorshipProgram.MinimumChildren;
        v.Within("minChildren", min, SponsorshipProgram.MinimumChildren, InputLimits.MaxChildrenPerProgram)
         .Within("maxChildren", r.MaxChildren, min, InputLimits.MaxChildrenPerProgram)
         .Date("startDate", r.StartDate)
         .Date("endDate", r.EndDate);
        if (r.StartDate is { } start && r.EndDate is { } end)
            v.Check(end > start, "endDate", "The end date must be after the start date.");

        var goals = r.Goals ?? [];
        v.Check(goals.Count <= MaxGoals, "goals", $"Set at most {MaxGoals} goals.").NoNulls("goals", goals);
        for (var i = 0; i < goals.Count; i++)
        {
            if (goals[i] is not { } goal) continue;
            v.Check(!string.IsNullOrWhiteSpace(goal.Title), $"goals[{i}].title", "Each goal needs a title.")
             .Text($"goals[{i}].title", goal.Title, InputLimits.ShortText)
             .Text($"goals[{i}].metric", goal.Metric, InputLimits.ShortText)
             .Check(goal.Target is null or (>= 0 and <= InputLimits.MaxAmount), $"goals[{i}].target", "The target must be a number from 0 up.");
        }
        v.ThrowIfInvalid();
    }

    public static void ApplyTo(SponsorshipProgram p, ProgramRequest r)
    {
        p.Name = r.Name!.Trim();
        p.Description = r.Description?.Trim();
        p.ProgramType = r.ProgramType!.Value;
        p.MinChildren = r.MinChildren ?? SponsorshipProgram.MinimumChildren;
        p.MaxChildren = r.MaxChildren;
        p.BillingPeriod = r.BillingPeriod!.Value;
        p.PricePerChild = r.PricePerChild!.Value;
        p.Currency = (r.Currency ?? "KES").ToUpperInvariant();
        p.CustomPricingNotes = r.CustomPricingNotes?.Trim();
        p.StartDate = r.StartDate;
        p.EndDate = r.EndDate;
        p.Goals = (r.Goals ?? []).Select(g => g with { Title = g.Title.Trim(), Metric = g.Metric?.Trim() }).ToList();
    }
}
