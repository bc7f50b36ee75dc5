namespace Elimu.Api.Partners.Enrollments;

/// <summary>
/// How much an import file may make the server do. An upload is small on the wire (5 MB) but a workbook is a zip, and
/// a zip of XML can expand a thousandfold; every figure here is checked before (or while) the file is parsed, so no
/// file can take more memory or CPU than a real 20,000-row workbook does.
/// </summary>
public static class ImportLimits
{
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>Rows under the header, blank ones included: a sheet of a million empty rows is work all the same.</summary>
    public const int MaxRows = 20_000;

    /// <summary>The template has four columns; a hundred leaves room for a partner's own notes.</summary>
    public const int MaxColumns = 100;

    /// <summary>Longer than any id, admission number, school or program name.</summary>
    public const int MaxCellLength = 1_000;

    /// <summary>One CSV line; the longest real one is a few hundred bytes.</summary>
    public const int MaxCsvLineBytes = 64 * 1024;

    // A real 20,000-row workbook (MiniExcel, four columns, a UUID in each row) measured 1.3 MB zipped, a 6.7 MB sheet,
    // 10 entries, ratios 1 to 9. The limits below are several times that, and far below what a zip bomb needs.
    public const int MaxZipEntries = 100;
    public const long MaxEntryBytes = 32 * 1024 * 1024;
    public const long MaxTotalBytes = 64 * 1024 * 1024;
    public const int MaxCompressionRatio = 100;

    /// <summary>Small parts (styles, relationships) may compress well without being a threat; the ratio applies above this.</summary>
    public const long RatioCheckedAbove = 1024 * 1024;
}

/// <summary>The "Imports" configuration section.</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    /// <summary>How long reading one file may take; a real 20,000-row workbook takes under a second.</summary>
    public TimeSpan ParseTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
