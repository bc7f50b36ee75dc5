using Elimu.Api.Common;

namespace Elimu.Api.Payments.PayPal;

/// <summary><c>Payments:PayPal</c>. Without a client id, secret and webhook id the gateway is not offered.</summary>
public sealed class PayPalOptions
{
    public const string Section = "Payments:PayPal";

    /// <summary>Sandbox <c>https://api-m.sandbox.paypal.com</c>, live <c>https://api-m.paypal.com</c>.</summary>
    public string BaseUrl { get; set; } = "https://api-m.sandbox.paypal.com";
    public string ClientId { get; set; } = "";
    public string ClientSecret { get; set; } = "";
    /// <summary>The id PayPal gave the webhook subscription; verify-webhook-signature checks events against it.</summary>
    public string WebhookId { get; set; } = "";
    /// <summary>PayPal does not take KES: invoices are charged in this currency (two decimals) at <see cref="KesPerUsd"/>.</summary>
    public string Currency { get; set; } = "USD";
    public decimal KesPerUsd { get; set; }
    /// <summary>Where PayPal sends the payer after approving or cancelling (PayPal adds <c>token=&lt;order id&gt;</c>).</summary>
    public string? ReturnUrl { get; set; }
    public string? CancelUrl { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret) && !string.IsNullOrWhiteSpace(WebhookId);

    // PayPal's currencies without cents; amounts here are always sent with two decimals.
    private static readonly string[] ZeroDecimal = ["HUF", "JPY", "TWD"];

    internal bool IsValid(out string problem)
    {
        problem = "";
        if (!Currencies.IsIso4217(Currency) || ZeroDecimal.Contains(Currency.ToUpperInvariant()) || Currency.Equals("KES", StringComparison.OrdinalIgnoreCase))
            problem = $"{Section}:Currency '{Currency}' is not a two-decimal currency PayPal takes.";
        else if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out _)) problem = $"{Section}:BaseUrl must be an absolute URL.";
        else if (IsConfigured && KesPerUsd <= 0m) problem = $"{Section}:KesPerUsd must be positive.";
        return problem.Length == 0;
    }
}
