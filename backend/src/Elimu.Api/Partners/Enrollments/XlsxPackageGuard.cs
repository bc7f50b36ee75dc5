using System.Buffers;
using System.IO.Compression;
using Elimu.Api.Common;
using static Elimu.Api.Partners.Enrollments.ImportLimits;

namespace Elimu.Api.Partners.Enrollments;

/// <summary>
/// Opens an uploaded workbook as the zip it is and refuses a zip bomb before any XML is parsed: too many parts, a part
/// or all parts together too large once inflated, or a part that inflates far more than real spreadsheet XML does.
/// The sizes a zip declares can lie, so every part is also inflated once, into a small reused buffer, counting the
/// bytes that actually come out and stopping at the limit.
/// </summary>
public static class XlsxPackageGuard
{
    public static void Check(MemoryStream buffer, CancellationToken ct)
    {
        buffer.Position = 0;
        var chunk = ArrayPool<byte>.Shared.Rent(81_920);
        try
        {
            using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxZipEntries)
                Refuse($"The workbook has {zip.Entries.Count:N0} parts, more than a spreadsheet has (at most {MaxZipEntries}).");
            if (zip.Entries.Sum(e => e.Length) > MaxTotalBytes) Refuse(TooLarge);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                CheckSize(entry, entry.Length); // the declared size: refuses most bombs without inflating a byte
                long inflated = 0;
                using var part = entry.Open();
                int read;
                while ((read = part.Read(chunk, 0, chunk.Length)) > 0)
                {
                    ct.ThrowIfCancellationRequested();
                    inflated += read;
                    CheckSize(entry, inflated);
                    if (total + inflated > MaxTotalBytes) Refuse(TooLarge);
                }
                total += inflated;
            }
        }
        catch (Exception e) when (e is not (ValidationFailedException or OperationCanceledException))
        {
            // A corrupt zip, an unsupported compression method, an encrypted part: not a workbook this API can read.
            ImportFileReader.Fail(ImportFileReader.Unreadable);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
            buffer.Position = 0;
        }
    }

    private static string TooLarge =>
        $"The workbook expands to more than {MaxTotalBytes / (1024 * 1024)} MB when opened, far more than {MaxRows:N0} rows need.";

    private static void CheckSize(ZipArchiveEntry entry, long size)
    {
        if (size > MaxEntryBytes)
            Refuse($"A part of the workbook ({entry.FullName}) expands to more than {MaxEntryBytes / (1024 * 1024)} MB when opened, "
                + $"far more than {MaxRows:N0} rows need.");
        if (size > RatioCheckedAbove && size / Math.Max(1, entry.CompressedLength) > MaxCompressionRatio)
            Refuse($"A part of the workbook ({entry.FullName}) is compressed more than {MaxCompressionRatio} to 1, "
                + "which real spreadsheets never are; open it in Excel and save it again as .xlsx.");
    }

    private static void Refuse(string message) => ImportFileReader.Fail(message);
}
