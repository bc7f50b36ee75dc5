using System.Globalization;
using CsvHelper;
using Elimu.Api.Common;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Elimu.Api.Partners.Enrollments;

/// <summary>
/// Turns an uploaded CSV (CsvHelper) or XLSX (MiniExcel) into rows. Everything wrong with the file as a whole (type,
/// size, emptiness, missing columns, too many rows, unreadable content) is a 400 on <c>file</c>; what is wrong with a
/// single row is left to the matcher, so the partner sees every row's problem at once.
/// </summary>
public static class ImportFileReader
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 20_000;

    public static async Task<ImportFile> ReadAsync(IFormFile? upload, CancellationToken ct)
    {
        if (upload is null) Fail("Choose a CSV or Excel (.xlsx) file to upload.");
        var name = Path.GetFileName(upload!.FileName ?? "");
        if (name.Length > 200) name = name[^200..]; // echoed back and audited; keep the end, where the extension is
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
            Fail(extension == ".xls" ? "Old Excel files (.xls) cannot be read; save it as .xlsx or CSV." : "Upload a .csv or .xlsx file.");
        if (upload.Length == 0) Fail("The file is empty.");
        if (upload.Length > MaxBytes) Fail($"The file is larger than {MaxBytes / (1024 * 1024)} MB; split it into smaller files.");

        // Copied to memory (at most 5 MB): an XLSX is a zip and needs a seekable stream, and the content check reads the head.
        using var buffer = new MemoryStream((int)upload.Length);
        await upload.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        var looksLikeZip = StartsWith(buffer, [0x50, 0x4B, 0x03, 0x04]);
        if (extension == ".xlsx" && !looksLikeZip) Fail("The file is named .xlsx but is not an Excel workbook.");
        if (extension == ".csv" && (looksLikeZip || HasNulBytes(buffer)))
            Fail("The file is named .csv but is not a text file; an Excel workbook must be named .xlsx.");

        var (header, records) = extension == ".xlsx" ? ReadXlsx(buffer) : ReadCsv(buffer);
        return ImportColumns.Map(name, header, records);
    }

    private static (IReadOnlyList<string?> Header, List<(int Row, IReadOnlyList<string?> Cells)> Records) ReadCsv(MemoryStream buffer)
    {
        // No fixed separator: CsvHelper detects it, since Excel in many locales saves "CSV" with semicolons.
        var options = new CsvReaderOptions
        {
            HasHeader = false, SkipEmptyLines = true, TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw,
        };
        var records = new List<(int, IReadOnlyList<string?>)>();
        IReadOnlyList<string?>? header = null;
        long headerLine = 0;
        try
        {
            using var csv = CsvReader.Create(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), options);
            while (csv.Read())
            {
                var cells = Enumerable.Range(0, csv.FieldCount).Select(i => Trimmed(csv.GetString(i))).ToList();
                if (cells.All(c => c is null)) continue;
                if (header is null) { (header, headerLine) = (cells, csv.LineNumber); continue; }
                // Line numbers, not record numbers: a blank line is a row in Excel too, so row N is where the partner looks.
                records.Add(((int)(csv.LineNumber - headerLine), cells));
                if (records.Count > MaxRows) TooManyRows();
            }
        }
        catch (CsvFormatException e)
        {
            Fail($"The CSV could not be read at line {e.LineNumber}: check its quotes.");
        }
        if (header is null) Fail("The file is empty.");
        return (header!, records);
    }

    private static (IReadOnlyList<string?> Header, List<(int Row, IReadOnlyList<string?> Cells)> Records) ReadXlsx(MemoryStream buffer)
    {
        var records = new List<(int, IReadOnlyList<string?>)>();
        IReadOnlyList<string?>? header = null;
        try
        {
            int sheetRow = 0, headerRow = 0;
            // Without a header row MiniExcel keys cells by column letter (A, B, ...) and yields blank rows too,
            // so the running count is the spreadsheet's own row number.
            foreach (IDictionary<string, object?> row in MiniExcel.Query(buffer, useHeaderRow: false, excelType: ExcelType.XLSX,
                         configuration: new OpenXmlConfiguration { FillMergedCells = false }))
            {
                sheetRow++;
                var cells = row.Values.Select(Cell).ToList();
                if (header is null)
                {
                    if (cells.Any(c => c is not null)) (header, headerRow) = (cells, sheetRow);
                    continue;
                }
                if (cells.All(c => c is null)) continue;
                records.Add((sheetRow - headerRow, cells));
                if (records.Count > MaxRows) TooManyRows();
            }
        }
        catch (Exception e) when (e is not ValidationFailedException)
        {
            Fail("The Excel file could not be read; open it in Excel and save it again as .xlsx.");
        }
        if (header is null) Fail("The file is empty.");
        return (header!, records);
    }

    /// <summary>Excel stores admission numbers typed as numbers as doubles: 1234 must come back as "1234", not "1234.0".</summary>
    private static string? Cell(object? value)
    {
        var text = value switch
        {
            null => null,
            double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
            decimal m when m == decimal.Truncate(m) => decimal.Truncate(m).ToString(CultureInfo.InvariantCulture),
            DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return Trimmed(text);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool StartsWith(MemoryStream buffer, byte[] magic) =>
        buffer.Length >= magic.Length && buffer.GetBuffer().AsSpan(0, magic.Length).SequenceEqual(magic);

    private static bool HasNulBytes(MemoryStream buffer) =>
        buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, 8192)).Contains((byte)0);

    private static void TooManyRows() => Fail($"The file has more than {MaxRows:N0} rows; split it into smaller files.");

    internal static void Fail(string message)
    {
        var v = new Validation();
        v.Add("file", message);
        v.ThrowIfInvalid();
    }
}
