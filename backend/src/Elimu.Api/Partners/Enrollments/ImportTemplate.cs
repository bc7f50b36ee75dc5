using Elimu.Api.Partners.Shared;
using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;

namespace Elimu.Api.Partners.Enrollments;

/// <summary>
/// GET /template?format=csv|xlsx: the header the importer reads, with one example row per way of naming a student.
/// The examples name one of the partner's open programs, so the file shows how the program column is filled in.
/// </summary>
public static class ImportTemplate
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const string FileName = "elimu-enrollment-template";

    public static async Task<FileContentHttpResult> Handle(string? format, ClaimsPrincipal user, ProgramStore store, CancellationToken ct)
    {
        format = (format ?? "csv").Trim().ToLowerInvariant();
        new Validation().Check(format is "csv" or "xlsx", "format", "Choose csv or xlsx.").ThrowIfInvalid();

        var partnerId = user.PartnerId();
        var program = await store.FirstOpenProgramNameAsync(partnerId, ct) ?? "Your program name or id";
        string?[][] examples =
        [
            ["", "KSM/0001", "Example Primary School", program],
            ["0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "", "", program],
        ];

        return format == "csv"
            ? TypedResults.File(Csv(examples), CsvType, $"{FileName}.csv")
            : TypedResults.File(Xlsx(examples), XlsxType, $"{FileName}.xlsx");
    }

    /// <summary>The program name is the partner's own text, so it goes through the formula-safe writer.</summary>
    private static byte[] Csv(string?[][] examples) => SpreadsheetCsv.Write(ImportColumns.Template, examples);

    private static byte[] Xlsx(string?[][] examples)
    {
        // Dictionaries keep the template's column order; every cell is text so admission numbers keep leading zeros.
        var rows = examples.Select(row => ImportColumns.Template.Select((column, i) => (column, cell: (object?)row[i]))
            .ToDictionary(x => x.column, x => x.cell)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "Enrollments", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
