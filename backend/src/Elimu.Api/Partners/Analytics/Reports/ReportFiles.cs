using System.Globalization;
using Elimu.Api.Common;
using MiniExcelLibs;

namespace Elimu.Api.Partners.Analytics.Reports;

/// <summary>
/// A run as CSV (UTF-8 with a byte-order mark, so Excel reads the accents; CsvHelper) or XLSX (MiniExcel, numbers as
/// numbers): the group column, a column per metric, then a Total row. Both write straight to the response stream.
/// </summary>
public static class ReportFiles
{
    /// <summary>Through <see cref="SpreadsheetCsv"/> (byte-order mark, formula-safe text); the caller allows synchronous writes.</summary>
    public static async Task WriteCsvAsync(ReportRunResponse run, Stream body, CancellationToken ct)
    {
        await using var buffered = new BufferedStream(body, 64 * 1024);
        using (var csv = SpreadsheetCsv.CreateWriter(buffered))
        {
            SpreadsheetCsv.WriteRecord(csv, [run.GroupLabel, .. run.Columns.Select(c => c.Label)]);
            foreach (var (label, values) in Lines(run))
                SpreadsheetCsv.WriteRecord(csv, [label, .. run.Columns.Select(c => values[c.Key]?.ToString(CultureInfo.InvariantCulture))]);
        }
        await buffered.FlushAsync(ct);
    }

    public static async Task WriteXlsxAsync(ReportRunResponse run, Stream body, CancellationToken ct)
    {
        var rows = Lines(run).Select(line =>
        {
            var row = new Dictionary<string, object?> { [run.GroupLabel] = line.Label };
            foreach (var c in run.Columns) row[c.Label] = line.Values[c.Key] is { } v ? (c.Kind == MetricKind.count ? (object)(long)v : (double)v) : null;
            return row;
        });
        await MiniExcel.SaveAsAsync(body, rows, sheetName: "Report", excelType: ExcelType.XLSX, cancellationToken: ct);
    }

    public static IEnumerable<(string Label, Dictionary<string, decimal?> Values)> Lines(ReportRunResponse run) =>
        run.Rows.Select(r => (r.Label, r.Values)).Append(("Total", run.Totals));

    public static string FileName(ReportRunResponse run, string extension)
    {
        var safe = new string(run.Name.Select(ch => char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-').ToArray()).Trim('-');
        return $"{(safe.Length == 0 ? "report" : safe[..Math.Min(60, safe.Length)])}-{run.To:yyyy-MM-dd}.{extension}";
    }
}
