using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;

namespace Elimu.Api.Payments;

/// <summary>
/// Turns an invoice amount (KES) into the currency a gateway charges in, at a configured rate of KES per unit of that
/// currency. Rounded to the nearest cent, half away from zero (KES 1,295.00 at 129.50 per USD is USD 10.00; KES 1,000.00
/// is USD 7.722… → 7.72): the invoice keeps the KES amount and shows the charged amount beside it.
/// </summary>
public static class CurrencyConversion
{
    public static Money Convert(Money invoiceAmount, string chargeCurrency, decimal? kesPerUnit, PaymentGateway gateway)
    {
        if (string.Equals(invoiceAmount.Currency, chargeCurrency, StringComparison.OrdinalIgnoreCase)) return invoiceAmount;
        if (invoiceAmount.Currency != Money.DefaultCurrency || kesPerUnit is not > 0m)
            throw new GatewayUnavailableException(gateway,
                $"{gateway} charges in {chargeCurrency.ToUpperInvariant()} and has no rate for {invoiceAmount.Currency} (set Payments:{gateway}:KesPer…).");
        return new Money(decimal.Round(invoiceAmount.Amount / kesPerUnit.Value, 2, MidpointRounding.AwayFromZero), chargeCurrency);
    }
}
