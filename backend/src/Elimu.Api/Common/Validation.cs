using System.Globalization;

namespace Elimu.Api.Common;

/// <summary>Collects per-field messages (camelCase keys, as the client sends them) and throws them as one 400.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public Validation Check(bool ok, string field, string message)
    {
        if (!ok) Add(field, message);
        return this;
    }

    /// <summary>Optional text at most <paramref name="max"/> characters (see <see cref="InputLimits"/>).</summary>
    public Validation Text(string field, string? value, int max) =>
        Check((value?.Length ?? 0) <= max, field, $"Keep this under {max.ToString("N0", CultureInfo.InvariantCulture)} characters.");

    /// <summary>An amount of money: more than zero, whole cents, at most <see cref="InputLimits.MaxAmount"/>.</summary>
    public Validation Money(string field, decimal? amount)
    {
        if (amount is not { } a) return this;
        return Check(a > 0, field, "The amount must be more than zero.")
            .Check(a <= InputLimits.MaxAmount, field, $"The amount must be at most {InputLimits.MaxAmount.ToString("N0", CultureInfo.InvariantCulture)}.")
            .Check(decimal.Round(a, InputLimits.AmountDecimals) == a, field, $"Use at most {InputLimits.AmountDecimals} decimal places.");
    }

    /// <summary>An optional date within <see cref="InputLimits.EarliestDate"/> and <see cref="InputLimits.LatestDate"/>.</summary>
    public Validation Date(string field, DateOnly? date) =>
        Check(date is null || (date >= InputLimits.EarliestDate && date <= InputLimits.LatestDate), field,
            $"Choose a date between {InputLimits.EarliestDate:yyyy-MM-dd} and {InputLimits.LatestDate:yyyy-MM-dd}.");

    /// <summary>An optional whole number within [min, max].</summary>
    public Validation Within(string field, int? value, int min, int max) =>
        Check(value is null || (value >= min && value <= max), field,
            $"Choose a number from {min.ToString("N0", CultureInfo.InvariantCulture)} to {max.ToString("N0", CultureInfo.InvariantCulture)}.");

    /// <summary>Every item of a list is present: a JSON <c>[null]</c> names the empty item, as "goals[0]".</summary>
    public Validation NoNulls<T>(string field, IReadOnlyList<T?>? items)
    {
        for (var i = 0; i < (items?.Count ?? 0); i++) Check(items![i] is not null, $"{field}[{i}]", "This item is empty.");
        return this;
    }

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public bool IsValid => _errors.Count == 0;

    public void ThrowIfInvalid()
    {
        if (!IsValid) throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
