namespace Elimu.Api.Payments.Mpesa;

// Daraja's field names, spelled as it spells them (sent without a naming policy).

internal sealed record StkPushRequest(
    string BusinessShortCode, string Password, string Timestamp, string TransactionType, long Amount, string PartyA,
    string PartyB, string PhoneNumber, string CallBackURL, string AccountReference, string TransactionDesc);

internal sealed record StkQueryRequest(string BusinessShortCode, string Password, string Timestamp, string CheckoutRequestID);

/// <summary>The password of an STK request: base64(shortcode + passkey + timestamp), with the timestamp
/// (yyyyMMddHHmmss, Nairobi time) that goes beside it in the same request.</summary>
internal readonly record struct StkPassword(string Timestamp, string Password)
{
    public static StkPassword At(TimeProvider clock, string shortCode, string passkey)
    {
        var timestamp = Common.NairobiTime.ToNairobi(clock.GetUtcNow().UtcDateTime)
            .ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        return new(timestamp, Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(shortCode + passkey + timestamp)));
    }
}
