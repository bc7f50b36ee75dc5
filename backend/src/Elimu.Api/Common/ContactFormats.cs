using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Elimu.Api.Common;

/// <summary>
/// The formats of contact fields (a profile's, an M-Pesa payer's number), read leniently (as people type them) and stored
/// one way.
/// </summary>
public static partial class ContactFormats
{
    /// <summary>
    /// A Kenyan mobile or landline number in E.164 (+254 then 9 digits starting 1 or 7), from 0712345678, 712345678,
    /// 254712345678 or +254 712-345 678; null when it is not one.
    /// </summary>
    public static string? KenyanPhone(string text)
    {
        var digits = Separators().Replace(text.Trim(), "");
        if (digits.StartsWith('+')) digits = digits[1..];
        else if (digits.StartsWith('0')) digits = "254" + digits[1..];
        else if (digits.Length == 9) digits = "254" + digits;
        return KenyanNumber().IsMatch(digits) ? "+" + digits : null;
    }

    /// <summary>An absolute http(s) address with a dotted host; a bare "example.org" gets https://. Null when it is not one.</summary>
    public static string? WebAddress(string text)
    {
        var value = text.Trim();
        if (!value.Contains("://", StringComparison.Ordinal)) value = "https://" + value;
        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
               && uri.Host.Contains('.') && !uri.Host.EndsWith('.') && string.IsNullOrEmpty(uri.UserInfo)
            ? uri.GetComponents(UriComponents.AbsoluteUri, UriFormat.UriEscaped)
            : null;
    }

    public static bool IsEmail(string value) =>
        value.Length <= 256 && new EmailAddressAttribute().IsValid(value) && value[(value.IndexOf('@') + 1)..].Contains('.');

    /// <summary>A KRA PIN: A (a person) or P (an organisation), nine digits, a letter.</summary>
    public static bool IsKraPin(string value) => KraPin().IsMatch(value);

    [GeneratedRegex(@"[\s\-().]")] private static partial Regex Separators();
    [GeneratedRegex(@"^254[17]\d{8}$")] private static partial Regex KenyanNumber();
    [GeneratedRegex(@"^[AP]\d{9}[A-Z]$")] private static partial Regex KraPin();
}
