using Elimu.Api.Common;

namespace Elimu.Api.Payments.Stripe;

/// <summary>Stripe takes and gives amounts in the currency's smallest unit: KES and USD ×100, zero-decimal currencies as they are.</summary>
internal static class StripeAmounts
{
    // https://docs.stripe.com/currencies#zero-decimal
    private static readonly HashSet<string> ZeroDecimal =
        ["BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"];

    private static decimal Factor(string currency) => ZeroDecimal.Contains(currency.ToUpperInvariant()) ? 1m : 100m;

    public static long ToMinor(Money money)
    {
        var minor = money.Amount * Factor(money.Currency);
        if (minor != decimal.Truncate(minor)) throw new ArgumentException($"{money} has more decimals than {money.Currency} allows.", nameof(money));
        return checked((long)minor);
    }

    public static Money FromMinor(long amount, string currency) => new(amount / Factor(currency), currency);
}
