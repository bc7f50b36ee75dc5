using Elimu.Api.Common;

namespace Elimu.Api.Payments.Stripe;

/// <summary><c>Payments:Stripe</c>. Without a secret key and a webhook secret the gateway is not offered.</summary>
public sealed class StripeOptions
{
    public const string Section = "Payments:Stripe";

    public string BaseUrl { get; set; } = "https://api.stripe.com";
    public string SecretKey { get; set; } = "";
    /// <summary>The publishable key (<c>pk_…</c>) the payment page's card form (Stripe.js) needs; without it the page does not
    /// offer cards (the server can still create PaymentIntents for other clients).</summary>
    public string PublishableKey { get; set; } = "";
    /// <summary>The webhook endpoint's signing secret (<c>whsec_…</c>), used whole as the HMAC key.</summary>
    public string WebhookSecret { get; set; } = "";
    /// <summary>Whether a Kenyan account can settle KES on Stripe is unconfirmed, so the charge currency is a setting.</summary>
    public string Currency { get; set; } = "kes";
    /// <summary>KES per one unit of <see cref="Currency"/>, used only when it is not KES.</summary>
    public decimal? KesPerUnit { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(WebhookSecret);

    internal bool IsValid(out string problem)
    {
        problem = "";
        if (!Currencies.IsIso4217(Currency)) problem = $"{Section}:Currency '{Currency}' is not an ISO 4217 code.";
        else if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out _)) problem = $"{Section}:BaseUrl must be an absolute URL.";
        else if (IsConfigured && !Currency.Equals(Money.DefaultCurrency, StringComparison.OrdinalIgnoreCase) && KesPerUnit is not > 0m)
            problem = $"{Section}:KesPerUnit must be positive when Currency is not KES.";
        return problem.Length == 0;
    }
}
