using Elimu.Api.Common;

namespace Elimu.Api.Partners.Finance.Documents;

/// <summary>
/// What a gateway collected in a currency other than the invoice's (PayPal takes no KES: USD at the configured rate), as
/// both billing documents show it, so the invoice and the receipt of one payment say the same words and the same figure.
/// </summary>
public sealed record ChargedAmount(string Label, string Amount)
{
    /// <summary>Null when the payment was charged in the invoice's own currency (nothing more to show).</summary>
    public static ChargedAmount? Of(PartnerPayment payment)
    {
        if (payment.ChargedCurrency is not { } currency || payment.ChargedAmount is not { } amount
            || string.Equals(currency, payment.Currency, StringComparison.OrdinalIgnoreCase))
            return null;
        var by = PaymentResults.GatewayName(payment.PaymentGateway);
        var label = payment.Status is PaymentStatus.completed or PaymentStatus.refunded ? $"Charged by {by}" : $"To be charged by {by}";
        return new(label, Kes.Format(new Money(amount, currency)));
    }
}
