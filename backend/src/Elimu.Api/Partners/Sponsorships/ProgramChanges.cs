using System.Text.Json;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>
/// What an edit changes in a program, field by field, as the audit log records it (<c>{"maxChildren":[20,30]}</c>).
/// The request is applied to a scratch copy first, so trimming and defaults compare as they would be stored.
/// </summary>
public static class ProgramChanges
{
    public static Dictionary<string, object?[]> Between(SponsorshipProgram current, ProgramRequest request)
    {
        var proposed = new SponsorshipProgram();
        ProgramValidation.ApplyTo(proposed, request);
        var changes = new Dictionary<string, object?[]>();
        void Compare<T>(string field, T before, T after)
        {
            if (!EqualityComparer<T>.Default.Equals(before, after)) changes[field] = [before, after];
        }
        Compare("name", current.Name, proposed.Name);
        Compare("description", current.Description, proposed.Description);
        Compare("programType", current.ProgramType.ToString(), proposed.ProgramType.ToString());
        Compare("minChildren", current.MinChildren, proposed.MinChildren);
        Compare("maxChildren", current.MaxChildren, proposed.MaxChildren);
        Compare("billingPeriod", current.BillingPeriod.ToString(), proposed.BillingPeriod.ToString());
        Compare("pricePerChild", current.PricePerChild, proposed.PricePerChild);
        Compare("currency", current.Currency, proposed.Currency);
        Compare("customPricingNotes", current.CustomPricingNotes, proposed.CustomPricingNotes);
        Compare("startDate", current.StartDate, proposed.StartDate);
        Compare("endDate", current.EndDate, proposed.EndDate);
        // Goals are records: equal by value (80 and 80.0 are the same target).
        if (!current.Goals.SequenceEqual(proposed.Goals)) changes["goals"] = [current.Goals, proposed.Goals];
        return changes;
    }

    /// <summary>The whole program as created, for the audit row of a creation.</summary>
    public static string Describe(SponsorshipProgram p) => Json(new
    {
        p.Name, p.Description, ProgramType = p.ProgramType.ToString(), p.MinChildren, p.MaxChildren, BillingPeriod = p.BillingPeriod.ToString(),
        p.PricePerChild, p.Currency, p.CustomPricingNotes, p.StartDate, p.EndDate, p.Goals,
    });

    public static string Json(object? value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}
