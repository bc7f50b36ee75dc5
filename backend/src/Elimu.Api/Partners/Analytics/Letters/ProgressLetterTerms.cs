using System.Globalization;
using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Partners.Analytics.Letters;

/// <summary>The school terms letters are written for: those of Billing:Terms (as the impact reports read them) that have begun.</summary>
public sealed class ProgressLetterTerms(IOptionsMonitor<BillingOptions> billing, TimeProvider clock)
{
    public static string IdOf(SchoolTerm t) => $"{t.Year}-{t.Term}";

    public static string NameOf(SchoolTerm t) => string.Create(CultureInfo.InvariantCulture, $"Term {t.Term}, {t.Year}");

    /// <summary>The begun terms, latest first.</summary>
    public List<LetterTermOption> Begun()
    {
        var today = NairobiTime.Today(clock);
        return [.. billing.CurrentValue.Terms.Where(t => t.Start <= today).OrderByDescending(t => t.Start)
            .Select(t => new LetterTermOption(IdOf(t), NameOf(t), t.Start, t.End, t.End >= today))];
    }

    /// <summary>The term named by <paramref name="id"/>, or the latest begun; a 400 on "term" when there is none.</summary>
    public LetterTermOption Resolve(string? id)
    {
        var begun = Begun();
        var term = string.IsNullOrWhiteSpace(id) ? begun.FirstOrDefault() : begun.FirstOrDefault(t => t.Id == id.Trim());
        if (term is not null) return term;
        throw new ValidationFailedException(new Dictionary<string, string[]>
        {
            ["term"] = [string.IsNullOrWhiteSpace(id)
                ? "No school term has begun in the configured calendar (Billing:Terms)."
                : "Choose a school term that has begun, as listed by /progress-letters/terms (for example 2026-3)."],
        });
    }
}
