using Elimu.Api.Common;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>Plan Step 3's rules for a program: at least ten children, dates in order, a price, an ISO 4217 currency.</summary>
public static class ProgramValidation
{
    public const int MaxChildrenLimit = 10_000;
    public const decimal MaxPrice = 10_000_000m;

    public static void Validate(ProgramRequest r)
    {
        var v = new Validation();
        v.Check(!string.IsNullOrWhiteSpace(r.Name), "name", "Give the program a name.")
         .Check((r.Name?.Length ?? 0) <= 200, "name", "Keep the name under 200 characters.")
         .Check(r.ProgramType is not null, "programType", "Choose direct or cohort.")
         .Check(r.BillingPeriod is not null, "billingPeriod", "Choose monthly, termly or annual billing.")
         .Check(r.PricePerChild is > 0, "pricePerChild", "The price per child must be more than zero.")
         .Check(r.PricePerChild is null or <= MaxPrice, "pricePerChild", $"The price per child must be at most {MaxPrice:N0}.")
         .Check(r.Currency is null || Currencies.IsIso4217(r.Currency), "currency", "Use a three-letter ISO 4217 currency code such as KES.");

        var min = r.MinChildren ?? SponsorshipProgram.MinimumChildren;
        v.Check(min >= SponsorshipProgram.MinimumChildren, "minChildren", $"A program sponsors at least {SponsorshipProgram.MinimumChildren} children.");
        if (r.MaxChildren is { } max)
            v.Check(max >= min, "maxChildren", "The maximum cannot be below the minimum number of children.")
             .Check(max <= MaxChildrenLimit, "maxChildren", $"A program can hold at most {MaxChildrenLimit:N0} children.");
        if (r.StartDate is { } start && r.EndDate is { } end)
            v.Check(end > start, "endDate", "The end date must be after the start date.");

        var goals = r.Goals ?? [];
        v.Check(goals.Count <= 20, "goals", "Set at most 20 goals.");
        for (var i = 0; i < goals.Count; i++)
            v.Check(!string.IsNullOrWhiteSpace(goals[i].Title) && goals[i].Title.Length <= 200, $"goals[{i}].title", "Each goal needs a title under 200 characters.");
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
        p.Goals = (r.Goals ?? []).Select(g => g with { Title = g.Title.Trim() }).ToList();
    }
}
