using System.IO.Compression;
using System.Text;
using Elimu.Api.Common;

namespace Elimu.Api.Partners.Support;

/// <summary>A file that passed <see cref="TicketFileRules"/>: its safe name, its proven type and its bytes.</summary>
public sealed record TicketFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// What a ticket may carry: PDF, PNG, JPEG, plain text, CSV and Excel workbooks, each recognised by its content (its
/// signature, or for text the absence of binary bytes), with an extension that agrees. The enrollment import checks
/// uploads the same way (ImportFileReader: the head of the file decides, not the name or the client's Content-Type).
/// A workbook must be an OOXML spreadsheet without macros. Anything else is a 400 on the file's field.
/// </summary>
public static class TicketFileRules
{
    public const long MaxFileBytes = 5 * 1024 * 1024;
    public const int MaxFiles = 5;
    public const int MaxFileNameLength = 150;
    public const string Allowed = "PDF, PNG, JPEG, TXT, CSV or XLSX";

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    private static readonly Dictionary<string, string> TypeOfExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".txt"] = "text/plain",
        [".csv"] = "text/csv",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    /// <summary>Checks every upload of a form; all are refused together with a message per file, so nothing is half saved.</summary>
    public static async Task<IReadOnlyList<TicketFile>> CheckAsync(IReadOnlyList<IFormFile> uploads, CancellationToken ct)
    {
        var v = new Validation();
        if (uploads.Count > MaxFiles) v.Add("files", $"Attach at most {MaxFiles} files at a time.");
        v.ThrowIfInvalid();
        var files = new List<TicketFile>();
        for (var i = 0; i < uploads.Count; i++)
        {
            var field = $"files[{i}]";
            var upload = uploads[i];
            if (upload.Length == 0) { v.Add(field, "The file is empty."); continue; }
            if (upload.Length > MaxFileBytes) { v.Add(field, $"The file is larger than {MaxFileBytes / (1024 * 1024)} MB."); continue; }
            using var buffer = new MemoryStream((int)upload.Length);
            await upload.CopyToAsync(buffer, ct);
            var name = SafeName(upload.FileName);
            if (Check(name, buffer.ToArray()) is { } problem) { v.Add(field, problem); continue; }
            files.Add(new TicketFile(name, TypeOfExtension[Path.GetExtension(name)], buffer.ToArray()));
        }
        v.ThrowIfInvalid();
        return files;
    }

    /// <summary>Null when the content is what the name says and is allowed; otherwise why not.</summary>
    public static string? Check(string name, byte[] content)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!TypeOfExtension.ContainsKey(extension)) return $"{name}: attach a {Allowed} file.";
        var ok = extension switch
        {
            ".pdf" => StartsWith(content, Pdf),
            ".png" => StartsWith(content, Png),
            ".jpg" or ".jpeg" => StartsWith(content, Jpeg),
            ".xlsx" => IsWorkbook(content),
            _ => IsText(content),
        };
        return ok ? null : $"{name}: the content is not a {extension.TrimStart('.').ToUpperInvariant()} file. Attach a {Allowed} file.";
    }

    /// <summary>The name without any folder, control characters or quotes, at most <see cref="MaxFileNameLength"/> characters (keeping the extension).</summary>
    public static string SafeName(string? raw)
    {
        var name = Path.GetFileName((raw ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim();
        if (name.Length == 0) name = "attachment";
        if (name.Length > MaxFileNameLength)
        {
            var extension = Path.GetExtension(name);
            name = name[..(MaxFileNameLength - extension.Length)] + extension;
        }
        return name;
    }

    private static bool StartsWith(byte[] content, byte[] magic) => content.AsSpan().StartsWith(magic);

    /// <summary>UTF-8 (a BOM is fine) without NUL bytes: what a text or CSV file is, and what no binary format is.</summary>
    private static bool IsText(byte[] content)
    {
        if (content.AsSpan().Contains((byte)0)) return false;
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>A zip holding an Excel workbook and no macros, with a sane number of parts.</summary>
    private static bool IsWorkbook(byte[] content)
    {
        if (!StartsWith(content, Zip)) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.Entries.Count > 500) return false;
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return names.Contains("[Content_Types].xml") && names.Contains("xl/workbook.xml") && !names.Contains("xl/vbaProject.bin");
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
