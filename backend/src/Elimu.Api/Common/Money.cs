namespace Elimu.Api.Common;

/// <summary>
/// An amount with its ISO 4217 currency. Amounts of different currencies never add up: <c>+</c> refuses them, and
/// totals over mixed payments are made per currency with <see cref="TotalsByCurrency"/>.
/// </summary>
public readonly record struct Money
{
    public const string DefaultCurrency = "KES";

    public decimal Amount { get; }
    public string Currency { get; }

    [System.Text.Json.Serialization.JsonConstructor]
    public Money(decimal amount, string currency)
    {
        if (!Currencies.IsIso4217(currency)) throw new ArgumentException($"'{currency}' is not an ISO 4217 currency code.", nameof(currency));
        Amount = amount;
        Currency = currency.ToUpperInvariant();
    }

    public static Money Zero(string currency) => new(0m, currency);

    public static Money operator +(Money a, Money b) => a.Currency == b.Currency
        ? new(a.Amount + b.Amount, a.Currency)
        : throw new InvalidOperationException($"Cannot add {b.Currency} to {a.Currency}: keep totals per currency.");

    /// <summary>One total per currency present (upper-cased), the default currency first, then alphabetically.</summary>
    public static IReadOnlyList<Money> TotalsByCurrency(IEnumerable<Money> amounts) =>
        [.. amounts.GroupBy(m => m.Currency)
            .Select(g => g.Aggregate(Zero(g.Key), (total, m) => total + m))
            .OrderBy(m => m.Currency == DefaultCurrency ? 0 : 1).ThenBy(m => m.Currency, StringComparer.Ordinal)];

    public override string ToString() => $"{Currency} {Amount:0.00}";
}
