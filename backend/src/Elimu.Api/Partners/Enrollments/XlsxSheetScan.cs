using System.IO.Compression;
using System.Xml;
using Elimu.Api.Common;
using static Elimu.Api.Partners.Enrollments.ImportLimits;

namespace Elimu.Api.Partners.Enrollments;

/// <summary>
/// Walks the workbook's XML once, as a stream, before MiniExcel reads it: each sheet's declared dimension, its row
/// numbers and its cell columns. MiniExcel turns a gap in row numbers into blank rows and widens every row to the
/// rightmost column, so one cell at row 1,048,576 or column XFD would make it do millions of rows' work; here such a
/// sheet is refused after reading a few bytes of it. Blank rows count: a sheet of a million empty rows is refused too.
/// Every .xml part is walked, whatever its namespace, not only those under xl/worksheets/: the workbook's
/// relationships may put a sheet anywhere. (A drawing's few anchor rows count for that drawing alone.)
/// </summary>
public static class XlsxSheetScan
{
    /// <summary>A header and <see cref="ImportLimits.MaxRows"/> rows under it.</summary>
    public const int MaxSheetRows = MaxRows + 1;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true, MaxCharactersInDocument = MaxEntryBytes,
    };

    public static void Check(MemoryStream buffer, CancellationToken ct)
    {
        buffer.Position = 0;
        try
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
            {
                using var xml = XmlReader.Create(entry.Open(), Settings);
                Scan(xml, ct);
            }
        }
        catch (Exception e) when (e is not (ValidationFailedException or OperationCanceledException))
        {
            ImportFileReader.Fail(ImportFileReader.Unreadable);
        }
        finally
        {
            buffer.Position = 0;
        }
    }

    private static void Scan(XmlReader xml, CancellationToken ct)
    {
        long rows = 0, lastRow = 0, elements = 0;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (++elements % 4096 == 0) ct.ThrowIfCancellationRequested();
            switch (xml.LocalName)
            {
                case "dimension" when xml.GetAttribute("ref") is { } range:
                    // "A1:D20001": the used range Excel declares; its far corner alone tells a sheet that is too big.
                    var corner = range.Split(':')[^1];
                    CheckRow(RowOf(corner));
                    CheckColumn(ColumnOf(corner));
                    break;
                case "row":
                    rows++;
                    lastRow = int.TryParse(xml.GetAttribute("r"), out var r) ? r : lastRow + 1;
                    CheckRow(Math.Max(rows, lastRow));
                    break;
                case "c" when xml.GetAttribute("r") is { } cell:
                    CheckColumn(ColumnOf(cell));
                    CheckRow(RowOf(cell));
                    break;
            }
        }
    }

    private static void CheckRow(long row)
    {
        if (row > MaxSheetRows)
            ImportFileReader.Fail($"The sheet reaches row {row:N0}; the file may have at most {MaxRows:N0} rows under the header, "
                + "blank rows included. Delete the empty rows below your data, or split it into smaller files.");
    }

    private static void CheckColumn(long column)
    {
        if (column > MaxColumns)
            ImportFileReader.Fail($"The sheet uses column {column:N0}; an import file may have at most {MaxColumns} columns. "
                + "Delete the empty columns to the right of your data.");
    }

    /// <summary>"XFD1048576" → 16384; letters beyond any real column only grow the number, which is refused anyway.</summary>
    private static long ColumnOf(string cell)
    {
        long column = 0;
        foreach (var ch in cell)
        {
            if (!char.IsAsciiLetter(ch)) break;
            column = Math.Min(column * 26 + (char.ToUpperInvariant(ch) - 'A' + 1), int.MaxValue);
        }
        return column;
    }

    private static long RowOf(string cell)
    {
        var digits = cell.AsSpan().TrimStart("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz$");
        return long.TryParse(digits.TrimStart('$'), out var row) ? row : 0;
    }
}
