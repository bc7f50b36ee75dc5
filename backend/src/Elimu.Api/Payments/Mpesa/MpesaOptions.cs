namespace Elimu.Api.Payments.Mpesa;

/// <summary><c>Payments:Mpesa</c>: the Daraja app's credentials and the Lipa na M-Pesa (STK Push) shortcode.</summary>
public sealed class MpesaOptions
{
    public const string Section = "Payments:Mpesa";

    /// <summary>Sandbox by default; production is https://api.safaricom.co.ke.</summary>
    public string BaseUrl { get; set; } = "https://sandbox.safaricom.co.ke";
    public string? ConsumerKey { get; set; }
    public string? ConsumerSecret { get; set; }
    /// <summary>BusinessShortCode: the paybill number, or for Buy Goods the store (head office) number.</summary>
    public string? ShortCode { get; set; }
    public string? Passkey { get; set; }
    public MpesaTransactionType TransactionType { get; set; } = MpesaTransactionType.CustomerPayBillOnline;
    /// <summary>Buy Goods only: the till that receives the money (PartyB). Empty: the shortcode, as for a paybill.</summary>
    public string? TillNumber { get; set; }
    /// <summary>The public base URL of this API (https://…): Safaricom posts the result to
    /// <c>{CallbackBaseUrl}/api/v1/payments/mpesa/callback/{secret}</c>.</summary>
    public string? CallbackBaseUrl { get; set; }
    /// <summary>How long one call to Daraja may take before the payment is reported as unavailable.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(ConsumerKey) && !string.IsNullOrWhiteSpace(ConsumerSecret) && !string.IsNullOrWhiteSpace(ShortCode)
        && !string.IsNullOrWhiteSpace(Passkey) && !string.IsNullOrWhiteSpace(CallbackBaseUrl);

    public string PartyB => string.IsNullOrWhiteSpace(TillNumber) ? ShortCode! : TillNumber;

    internal static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}

public enum MpesaTransactionType { CustomerPayBillOnline, CustomerBuyGoodsOnline }
