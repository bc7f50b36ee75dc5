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
    /// <summary>Where the payment page loads Stripe.js from, only once the payer chooses a card (Stripe's own address; tests
    /// point it at a fake on 127.0.0.1). Its origin is allowed in the page's script-src and frame-src only while the card
    /// form is offered (<see cref="CardFormOffered"/>).</summary>
    public string JsUrl { get; set; } = "https://js.stripe.com/v3";
    /// <summary>Where Stripe.js sends the card details (confirmCardPayment): allowed in the page's connect-src with the card form.</summary>
    public string BrowserApiUrl { get; set; } = "https://api.stripe.com";
    /// <summary>The webhook endpoint's signing secret (<c>whsec_…</c>), used whole as the HMAC key.</summary>
    public string WebhookSecret { get; set; } = "";
    /// <summary>Whether a Kenyan account can settle KES on Stripe is unconfirmed, so the charge currency is a setting.</summary>
    public string Currency { get; set; } = "kes";
    /// <summary>KES per one unit of <see cref="Currency"/>, used only when it is not KES.</summary>
    public decimal? KesPerUnit { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey) && !string.IsNullOrWhiteSpace(WebhookSecret);

    /// <summary>The page offers the card form (and may load Stripe.js) only with the server's keys and the publishable key.</summary>
    public bool CardFormOffered => IsConfigured && !string.IsNullOrWhiteSpace(PublishableKey);

    internal bool IsValid(out string problem)
    {
        problem = "";
        if (!Currencies.IsIso4217(Currency)) problem = $"{Section}:Currency '{Currency}' is not an ISO 4217 code.";
        else if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out _)) problem = $"{Section}:BaseUrl must be an absolute URL.";
        else if (!IsHttpUrl(JsUrl)) problem = $"{Section}:JsUrl must be an absolute http(s) URL.";
        else if (!IsHttpUrl(BrowserApiUrl)) problem = $"{Section}:BrowserApiUrl must be an absolute http(s) URL.";
        else if (IsConfigured && !Currency.Equals(Money.DefaultCurrency, StringComparison.OrdinalIgnoreCase) && KesPerUnit is not > 0m)
            problem = $"{Section}:KesPerUnit must be positive when Currency is not KES.";
        return problem.Length == 0;
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);
}
