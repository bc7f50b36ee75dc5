using System.Security.Cryptography;
using System.Text;
using Elimu.Api.Common;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Elimu.Api.Partners.Content.Resources;

/// <summary>The form's fields as sent, and the file as written to a temporary path (deleted by the caller on any refusal).</summary>
public sealed record ResourceUpload(Dictionary<string, List<string>> Fields, string TemporaryPath, string FileName, long Size, string Sha256);

/// <summary>
/// Reads the upload form section by section with a MultipartReader instead of ReadFormAsync, so the file goes straight
/// from the request to its temporary file in 80 KB pieces (hashed on the way) and never sits in memory. The size is
/// refused three times over: a Content-Length over the limit before a byte is read, the server's body limit raised only
/// to the limit plus the form's slack, and the bytes counted while copying. Any of them is a 413 ProblemDetails.
/// </summary>
public static class ResourceUploadForm
{
    public const long MaxFileBytes = 50L * 1024 * 1024;
    private const long Slack = 64 * 1024;
    private const int MaxFields = 32, MaxFieldLength = 8_000;

    public static async Task<ResourceUpload> ReadAsync(HttpRequest request, ResourceStorage storage, CancellationToken ct)
    {
        if (!request.HasFormContentType || !MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            throw new BadHttpRequestException("Send the resource as multipart/form-data with the file in the field 'file'.",
                StatusCodes.Status415UnsupportedMediaType);
        if (request.ContentLength > MaxFileBytes + Slack) throw TooLarge();
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxFileBytes + Slack;

        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        string? temporary = null, fileName = null, sha = null;
        long size = 0;
        try
        {
            var reader = new MultipartReader(boundary, request.Body) { HeadersCountLimit = 8, HeadersLengthLimit = 4_096 };
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    if (name != "file" || temporary is not null) throw Invalid("file", "Send one file, in the field 'file'.");
                    temporary = storage.NewTemporaryPath();
                    fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                    (size, sha) = await CopyAsync(section.Body, temporary, ct);
                }
                else if (fields.Values.Sum(v => v.Count) < MaxFields)
                {
                    var value = await ReadFieldAsync(section.Body, name, ct);
                    if (!fields.TryGetValue(name, out var list)) fields[name] = list = [];
                    list.Add(value);
                }
            }
        }
        catch (Exception e)
        {
            if (temporary is not null) ResourceStorage.TryDelete(temporary);
            Exception? mapped = e switch
            {
                BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLarge(),
                InvalidDataException => Invalid("file", "The upload could not be read as multipart/form-data."),
                _ => null,
            };
            if (mapped is null) throw;
            throw mapped;
        }
        if (temporary is null) throw Invalid("file", $"Choose a file to upload: {ResourceFormats.Allowed}.");
        if (size == 0)
        {
            ResourceStorage.TryDelete(temporary);
            throw Invalid("file", "The file is empty.");
        }
        return new ResourceUpload(fields, temporary, fileName!, size, sha!);
    }

    public static string TooLargeMessage => $"The file is larger than {MaxFileBytes / (1024 * 1024)} MB. Upload a smaller file (compress a video, or split a document).";

    public static DomainException TooLarge()
    {
        var refusal = new DomainException(StatusCodes.Status413PayloadTooLarge, "payload_too_large", "The file is too large.", TooLargeMessage);
        refusal.Extensions["errors"] = new Dictionary<string, string[]> { ["file"] = [TooLargeMessage] };
        return refusal;
    }

    private static async Task<(long Size, string Sha256)> CopyAsync(Stream body, string path, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81_920];
        long total = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true))
        {
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                total += read;
                if (total > MaxFileBytes) throw TooLarge(); // the caller deletes the partial file
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static async Task<string> ReadFieldAsync(Stream body, string name, CancellationToken ct)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        var buffer = new char[MaxFieldLength + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        if (read > MaxFieldLength) throw Invalid(name, $"Keep this under {MaxFieldLength:N0} characters.");
        return new string(buffer, 0, read);
    }

    private static ValidationFailedException Invalid(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
