using System.Globalization;
using CsvHelper;
using Elimu.Api.Common;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using static Elimu.Api.Partners.Enrollments.ImportLimits;

namespace Elimu.Api.Partners.Enrollments;

/// <summary>
/// Turns an uploaded CSV (CsvHelper) or XLSX (MiniExcel) into rows. Everything wrong with the file as a whole (type,
/// size, emptiness, missing columns, too many rows, unreadable content) is a 400 on <c>file</c>; what is wrong with a
/// single row is left to the matcher, so the partner sees every row's problem at once. The work is bounded before and
/// while parsing (<see cref="ImportLimits"/>) and stops when the request is aborted or the time budget is spent.
/// </summary>
public static class ImportFileReader
{
    public const long MaxBytes = ImportLimits.MaxBytes;
    public const int MaxRows = ImportLimits.MaxRows;
    internal const string Unreadable = "The Excel file could not be read; open it in Excel and save it again as .xlsx.";

    public static async Task<ImportFile> ReadAsync(IFormFile? upload, TimeSpan budget, CancellationToken ct)
    {
        if (upload is null) Fail("Choose a CSV or Excel (.xlsx) file to upload.");
        var name = Path.GetFileName(upload!.FileName ?? "");
        if (name.Length > 200) name = name[^200..]; // echoed back and audited; keep the end, where the extension is
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
            Fail(extension == ".xls" ? "Old Excel files (.xls) cannot be read; save it as .xlsx or CSV." : "Upload a .csv or .xlsx file.");
        if (upload.Length == 0) Fail("The file is empty.");
        if (upload.Length > MaxBytes) Fail(TooBig);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(budget);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            // Copied to memory (at most 5 MB): an XLSX is a zip and needs a seekable stream, and the content check reads the head.
            using var buffer = new MemoryStream((int)upload.Length);
            await upload.CopyToAsync(buffer, timeout.Token);
            buffer.Position = 0;
            var looksLikeZip = StartsWith(buffer, [0x50, 0x4B, 0x03, 0x04]);
            if (extension == ".xlsx" && !looksLikeZip) Fail("The file is named .xlsx but is not an Excel workbook.");
            if (extension == ".csv" && (looksLikeZip || HasNulBytes(buffer)))
                Fail("The file is named .csv but is not a text file; an Excel workbook must be named .xlsx.");

            var (header, records) = extension == ".xlsx" ? ReadXlsx(buffer, timeout.Token) : ReadCsv(buffer, timeout.Token);
            // The timer stops reading part way only when its callback gets a thread in time; on a busy server it may not,
            // so a file read past its budget is refused all the same.
            if (System.Diagnostics.Stopwatch.GetElapsedTime(started) > budget) throw new OperationCanceledException(timeout.Token);
            return ImportColumns.Map(name, header, records);
        }
        catch (OperationCanceledException) when ((timeout.IsCancellationRequested || System.Diagnostics.Stopwatch.GetElapsedTime(started) > budget)
            && !ct.IsCancellationRequested)
        {
            // The budget ran out (the client is still there, so it gets an answer); an aborted request just stops.
            Fail($"The file took longer than {budget.TotalSeconds:0.#} s to read; split it into smaller files.");
            throw;
        }
    }

    public static string TooBig => $"The file is larger than {MaxBytes / (1024 * 1024)} MB; split it into smaller files.";

    private static (IReadOnlyList<string?> Header, List<(int Row, IReadOnlyList<string?> Cells)> Records) ReadCsv(
        MemoryStream buffer, CancellationToken ct)
    {
        // No fixed separator: CsvHelper detects it, since Excel in many locales saves "CSV" with semicolons.
        // Read as a stream, not in place, so the reader enforces MaxRecordSize (an unclosed quote is one endless record).
        var options = new CsvReaderOptions
        {
            HasHeader = false, SkipEmptyLines = true, TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw,
            MaxRecordSize = MaxCsvLineBytes,
        };
        var records = new List<(int, IReadOnlyList<string?>)>();
        IReadOnlyList<string?>? header = null;
        long headerLine = 0;
        var read = 0;
        try
        {
            using var csv = CsvReader.Create(buffer, options, leaveOpen: true);
            while (csv.Read())
            {
                ct.ThrowIfCancellationRequested();
                // Every record counts toward the limit, blank ones (",,,") too: they cost as much to read.
                if (++read > MaxRows + 1) TooManyRows();
                if (csv.FieldCount > MaxColumns) TooManyColumns((int)(csv.LineNumber - headerLine));
                var cells = new string?[csv.FieldCount];
                for (var i = 0; i < cells.Length; i++) cells[i] = Trimmed(csv.GetString(i));
                if (cells.All(c => c is null)) continue;
                if (header is null) { (header, headerLine) = (cells, csv.LineNumber); continue; }
                // Line numbers, not record numbers: a blank line is a row in Excel too, so row N is where the partner looks.
                var row = (int)(csv.LineNumber - headerLine);
                CheckCellLengths(row, cells);
                records.Add((row, cells));
            }
        }
        catch (CsvFormatException e)
        {
            Fail(e.Message.Contains("MaxRecordSize", StringComparison.OrdinalIgnoreCase) || e.LineNumber <= 0
                ? $"A line of the CSV is longer than {MaxCsvLineBytes / 1024} KB, or a quote is never closed; check its quotes."
                : $"The CSV could not be read at line {e.LineNumber}: check its quotes.");
        }
        if (header is null) Fail("The file is empty.");
        return (header!, records);
    }

    private static (IReadOnlyList<string?> Header, List<(int Row, IReadOnlyList<string?> Cells)> Records) ReadXlsx(
        MemoryStream buffer, CancellationToken ct)
    {
        // Zip bombs, endless or sparse rows and far columns are refused here, before MiniExcel allocates anything for them.
        XlsxPackageGuard.Check(buffer, ct);
        XlsxSheetScan.Check(buffer, ct);

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
                ct.ThrowIfCancellationRequested();
                // Blank rows count: the scan has bounded them already, and this keeps the limit whatever MiniExcel yields.
                if (++sheetRow > XlsxSheetScan.MaxSheetRows) TooManyRows();
                if (row.Count > MaxColumns) TooManyColumns(sheetRow);
                var cells = row.Values.Select(Cell).ToList();
                if (header is null)
                {
                    if (cells.Any(c => c is not null)) (header, headerRow) = (cells, sheetRow);
                    continue;
                }
                if (cells.All(c => c is null)) continue;
                CheckCellLengths(sheetRow - headerRow, cells);
                records.Add((sheetRow - headerRow, cells));
            }
        }
        catch (Exception e) when (e is not (ValidationFailedException or OperationCanceledException))
        {
            Fail(Unreadable);
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

    private static void CheckCellLengths(int row, IReadOnlyList<string?> cells)
    {
        if (cells.Any(c => c?.Length > MaxCellLength))
            Fail($"Row {row:N0} has a cell longer than {MaxCellLength:N0} characters; no id, admission number, school or program name is that long.");
    }

    private static bool StartsWith(MemoryStream buffer, byte[] magic) =>
        buffer.Length >= magic.Length && buffer.GetBuffer().AsSpan(0, magic.Length).SequenceEqual(magic);

    private static bool HasNulBytes(MemoryStream buffer) =>
        buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, 8192)).Contains((byte)0);

    private static void TooManyRows() =>
        Fail($"The file has more than {MaxRows:N0} rows under the header (blank rows count too); delete empty rows or split it into smaller files.");

    private static void TooManyColumns(int row) =>
        Fail($"Row {row:N0} has more than {MaxColumns} columns; delete the empty columns to the right of your data.");

    internal static void Fail(string message)
    {
        var v = new Validation();
        v.Add("file", message);
        v.ThrowIfInvalid();
    }
}
