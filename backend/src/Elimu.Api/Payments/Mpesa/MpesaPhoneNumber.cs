using Elimu.Api.Common;

namespace Elimu.Api.Payments.Mpesa;

/// <summary>A Safaricom subscriber number as Daraja takes it (PartyA, PhoneNumber): 12 digits, 2547XXXXXXXX or 2541XXXXXXXX.</summary>
public static class MpesaPhoneNumber
{
    public const string ExpectedForm = "a Kenyan mobile number such as 0712345678, 712345678, +254712345678 or 254712345678";

    /// <summary>Any form <see cref="ContactFormats.KenyanPhone"/> reads (07…/01…, 7…/1…, +254…, 254…) → 2547XXXXXXXX; else null.</summary>
    public static string? Normalize(string? input) =>
        string.IsNullOrWhiteSpace(input) ? null : ContactFormats.KenyanPhone(input)?.TrimStart('+');
}
