using Elimu.Api.Common;
using Elimu.Api.Payments;

namespace Elimu.Api.Partners.Finance;

/// <summary>
/// One way to pay as the payment page offers it: available, or not with the reason, so the page says so before anything
/// is clicked (rather than failing after). <paramref name="ChargeCurrency"/>: what the gateway collects (PayPal: USD);
/// <paramref name="ClientKey"/>: what the page needs from the server to use it (Stripe's publishable key);
/// <paramref name="ScriptUrl"/>: the script the page loads once this gateway is chosen (Stripe.js).
/// </summary>
public sealed record PaymentChoice(PaymentGateway Gateway, bool Available, string? Reason, string? ChargeCurrency, string? ClientKey, string? ScriptUrl = null);

public static class PaymentChoices
{
    private static readonly PaymentGateway[] Order = [PaymentGateway.sandbox, PaymentGateway.mpesa, PaymentGateway.stripe, PaymentGateway.paypal];

    public static IReadOnlyList<PaymentChoice> Of(IEnumerable<IPaymentGateway> gateways)
    {
        var byKind = gateways.ToDictionary(g => g.Gateway);
        return [.. Order.Select(kind =>
        {
            if (!byKind.TryGetValue(kind, out var gateway)) return new PaymentChoice(kind, false, "This server does not have this gateway.", null, null);
            var reason = gateway.UnavailableReason;
            var currency = reason is null ? gateway.ChargeFor(new Money(100m, Money.DefaultCurrency)).Currency : null;
            return new PaymentChoice(kind, reason is null, reason, currency, reason is null ? gateway.ClientKey : null,
                reason is null ? gateway.ClientScriptUrl : null);
        })];
    }
}
