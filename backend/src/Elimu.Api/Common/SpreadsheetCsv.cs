using System.Buffers;
using CsvHelper;

namespace Elimu.Api.Common;

/// <summary>
/// The one way the API writes CSV, for files a person opens in a spreadsheet. Formula injection (OWASP "CSV
/// Injection"): a cell that starts with =, +, -, @, tab or CR runs as a formula in Excel, LibreOffice and Google Sheets,
/// so text a user typed (a program name) would run on the machine of whoever opens the file. CsvHelper's own
/// <see cref="CsvInjection.Escape"/> prefixes such a cell with a single quote; this also catches the formula behind
/// leading spaces, quotes or separators, which that first-character check lets through. Excel in many locales splits
/// on semicolons, so a field holding <c>;</c> is quoted as well as one holding a comma. The front end's twin is
/// <c>frontend/src/lib/csv.ts</c>; both follow the same rule.
/// </summary>
public static class SpreadsheetCsv
{
    private static readonly SearchValues<char> FormulaStart = SearchValues.Create("=+-@\t\r");
    private static readonly SearchValues<char> Padding = SearchValues.Create(" \t\r\n\"';,");

    public static byte[] Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var stream = new MemoryStream();
        // With the byte-order mark Excel opens the file as UTF-8, so names with accents survive a round trip.
        using (var csv = CsvWriter.Create(stream, Options(), leaveOpen: true))
        {
            WriteRecord(csv, header);
            foreach (var row in rows) WriteRecord(csv, row);
        }
        return stream.ToArray();
    }

    /// <summary>A writer with the same rules as <see cref="Write"/>, for a file written row by row (a streamed export).</summary>
    public static CsvWriter CreateWriter(Stream stream) => CsvWriter.Create(stream, Options(), leaveOpen: true);

    public static void WriteRecord(CsvWriter csv, IReadOnlyList<string?> cells)
    {
        foreach (var cell in cells) csv.WriteField(Neutralise(cell ?? ""));
        csv.EndRecord();
    }

    private static CsvWriterOptions Options() => new()
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        ShouldQuote = (field, _, _, _) => NeedsQuotes(field),
    };

    /// <summary>
    /// True when a spreadsheet could read the text as a formula. Text only: the library escapes "-12.5" written as text
    /// too, so a number belongs in a typed WriteField, where it is written as it is.
    /// </summary>
    public static bool LooksLikeFormula(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty) return false;
        if (FormulaStart.Contains(text[0])) return true;
        var first = text.IndexOfAnyExcept(Padding);
        return first >= 0 && text[first] is '=' or '+' or '-' or '@';
    }

    /// <summary>The text a spreadsheet shows as text: a single quote in front of anything that could run as a formula.</summary>
    public static string Neutralise(string text) => LooksLikeFormula(text) ? "'" + text : text;

    private static bool NeedsQuotes(ReadOnlySpan<char> field) =>
        field.Contains(';') || (!field.IsEmpty && (field[0] == '\'' || char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])));
}
