namespace Elimu.Api.Payments.Mpesa;

/// <summary>The texts Daraja bounds: what the payer sees on the prompt and in the M-Pesa message.</summary>
internal static class StkPushText
{
    public const int AccountReferenceMax = 12;
    public const int TransactionDescMax = 13;
    public const string DefaultDescription = "Elimu payment";

    /// <summary>The invoice number's letters and digits, without its letter prefix when that is too long, keeping the end
    /// if still longer: INV-2026-000123 → 2026000123 (the year and the sequence).</summary>
    public static string AccountReference(string invoiceNumber)
    {
        var kept = new string([.. invoiceNumber.Where(char.IsAsciiLetterOrDigit)]);
        if (kept.Length > AccountReferenceMax) kept = kept.TrimStart(Letters);
        if (kept.Length == 0) return "Elimu";
        return kept.Length <= AccountReferenceMax ? kept : kept[^AccountReferenceMax..];
    }

    private static readonly char[] Letters = [.. Enumerable.Range('A', 26).Concat(Enumerable.Range('a', 26)).Select(c => (char)c)];

    /// <summary>1–13 characters: the description with its spaces collapsed, cut at 13.</summary>
    public static string TransactionDesc(string? description)
    {
        var words = (description ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var text = string.Join(' ', words);
        if (text.Length == 0) text = DefaultDescription;
        return text.Length <= TransactionDescMax ? text : text[..TransactionDescMax].TrimEnd();
    }
}
