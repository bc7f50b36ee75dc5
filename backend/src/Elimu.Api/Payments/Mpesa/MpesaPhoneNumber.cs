using System.Text.RegularExpressions;

namespace Elimu.Api.Payments.Mpesa;

/// <summary>A Safaricom subscriber number as Daraja takes it (PartyA, PhoneNumber): 12 digits, 2547XXXXXXXX or 2541XXXXXXXX.</summary>
public static partial class MpesaPhoneNumber
{
    public const string ExpectedForm = "a Kenyan mobile number such as 0712345678, 712345678, +254712345678 or 254712345678";

    /// <summary>07…/01…, 7…/1…, +254… and 254… (spaces and dashes ignored) → 2547XXXXXXXX; anything else → null.</summary>
    public static string? Normalize(string? input)
    {
        if (input is null) return null;
        var digits = Separators().Replace(input.Trim(), "");
        if (digits.StartsWith('+')) digits = digits[1..];
        var national = digits switch
        {
            { Length: 12 } when digits.StartsWith("254", StringComparison.Ordinal) => digits[3..],
            { Length: 10 } when digits[0] == '0' => digits[1..],
            { Length: 9 } => digits,
            _ => null,
        };
        return national is not null && Subscriber().IsMatch(national) ? "254" + national : null;
    }

    [GeneratedRegex(@"[\s\-]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^[17][0-9]{8}$")]
    private static partial Regex Subscriber();
}
