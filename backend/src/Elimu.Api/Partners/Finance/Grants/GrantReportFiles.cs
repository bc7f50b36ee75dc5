using System.IO.Compression;
using Elimu.Api.Common;
using Elimu.Api.Partners.Support;
using Microsoft.AspNetCore.Http.Features;

namespace Elimu.Api.Partners.Finance.Grants;

/// <summary>
/// A compliance report: one PDF, Word (DOCX) or Excel (XLSX) file of at most 10 MB, its type proved by its content with
/// an extension that agrees. PDF and XLSX are checked by the support tickets' rules (<see cref="TicketFileRules"/>:
/// the signature, a macro-free OOXML workbook), DOCX the same way as a macro-free OOXML document; the name is made safe
/// as a ticket file's is. Anything else is a 400 on <c>file</c>, and the body limit is raised only as far as one file needs.
/// </summary>
public static class GrantReportFiles
{
    public const long MaxFileBytes = 10 * 1024 * 1024;
    public const string Allowed = "PDF, DOCX or XLSX";
    private const long Slack = 64 * 1024;

    private static readonly Dictionary<string, string> TypeOfExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    public static async Task<TicketFile> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            throw new BadHttpRequestException("Send the report as multipart/form-data in the field 'file'.", StatusCodes.Status415UnsupportedMediaType);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body) body.MaxRequestBodySize = MaxFileBytes + Slack;
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            MultipartBodyLengthLimit = MaxFileBytes + Slack, ValueCountLimit = 4, MultipartHeadersCountLimit = 8,
        }));
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            throw Invalid($"The upload is too large or unreadable: one {Allowed} file of at most {MaxFileBytes / (1024 * 1024)} MB.");
        }
        if (form.Files.Count != 1 || form.Files.GetFile("file") is not { } upload) throw Invalid($"Attach one {Allowed} file in the field 'file'.");
        if (upload.Length == 0) throw Invalid("The file is empty.");
        if (upload.Length > MaxFileBytes) throw Invalid($"The file is larger than {MaxFileBytes / (1024 * 1024)} MB.");
        using var buffer = new MemoryStream((int)upload.Length);
        await upload.CopyToAsync(buffer, ct);
        var name = TicketFileRules.SafeName(upload.FileName);
        var content = buffer.ToArray();
        if (Check(name, content) is { } problem) throw Invalid(problem);
        return new TicketFile(name, TypeOfExtension[Path.GetExtension(name)], content);
    }

    /// <summary>Null when the content is what the name says and is allowed; otherwise why not.</summary>
    public static string? Check(string name, byte[] content)
    {
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!TypeOfExtension.ContainsKey(extension)) return $"{name}: attach a {Allowed} file.";
        var ok = extension == ".docx" ? IsWordDocument(content) : TicketFileRules.Check(name, content) is null;
        return ok ? null : $"{name}: the content is not a {extension.TrimStart('.').ToUpperInvariant()} file. Attach a {Allowed} file.";
    }

    /// <summary>A zip holding a Word document and no macros, with a sane number of parts.</summary>
    private static bool IsWordDocument(byte[] content)
    {
        if (!content.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04])) return false;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.Entries.Count > 500) return false;
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            return names.Contains("[Content_Types].xml") && names.Contains("word/document.xml") && !names.Contains("word/vbaProject.bin");
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static ValidationFailedException Invalid(string message) => new(new Dictionary<string, string[]> { ["file"] = [message] });
}
