using System.Text;
using System.Text.Json;
using Elimu.Api.Common;
using Microsoft.AspNetCore.Http.Features;

namespace Elimu.Api.Partners.Collaboration;

/// <summary>A file accepted as an attachment: its name made safe, its type as its first bytes say, its bytes.</summary>
public sealed record AcceptedFile(string FileName, string MimeType, byte[] Content);

/// <summary>The fields of a message form (JSON or multipart) and the files that passed the content rules.</summary>
public sealed record MessageForm(IReadOnlyDictionary<string, string?> Fields, IReadOnlyList<AcceptedFile> Files);

/// <summary>
/// The content rules for message attachments: at most <see cref="MaxFiles"/> files of at most <see cref="MaxBytes"/>
/// each, and only PDF, PNG, JPEG or plain UTF-8 text, told by the file's first bytes, never by its name or the type the
/// browser claims. The body is bounded before it is read, so an oversized upload cannot fill memory or disk.
/// </summary>
public static class MessageAttachments
{
    public const int MaxFiles = 3;
    public const int MaxBytes = 5 * 1024 * 1024;
    public const string Field = "attachments";

    public static async Task<MessageForm> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType) return new MessageForm(await ReadJsonAsync(request, ct), []);
        LimitBody(request);
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is BadHttpRequestException or InvalidDataException)
        {
            throw Invalid($"The upload could not be read: send at most {MaxFiles} files of up to {MaxBytes / (1024 * 1024)} MB each.");
        }
        var files = form.Files.Where(f => f.Name == Field).ToList();
        if (files.Count > MaxFiles) throw Invalid($"Attach at most {MaxFiles} files.");
        var accepted = new List<AcceptedFile>();
        foreach (var file in files) accepted.Add(await AcceptAsync(file, ct));
        return new MessageForm(form.Keys.ToDictionary(k => k, k => form[k].FirstOrDefault(), StringComparer.OrdinalIgnoreCase), accepted);
    }

    private static async Task<AcceptedFile> AcceptAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length == 0) throw Invalid($"{SafeName(file.FileName)} is empty.");
        if (file.Length > MaxBytes) throw Invalid($"{SafeName(file.FileName)} is larger than {MaxBytes / (1024 * 1024)} MB.");
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream()) await stream.ReadExactlyAsync(content, ct);
        var type = TypeOf(content) ?? throw new DomainException(StatusCodes.Status415UnsupportedMediaType, "unsupported_attachment",
            "This kind of file cannot be attached.", $"{SafeName(file.FileName)} is not a PDF, PNG, JPEG or plain text file.");
        return new AcceptedFile(SafeName(file.FileName), type, content);
    }

    /// <summary>The type the content itself shows, or null for anything not on the list.</summary>
    public static string? TypeOf(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith("%PDF-"u8)) return "application/pdf";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        return IsPlainText(b) ? "text/plain" : null;
    }

    /// <summary>Valid UTF-8 with no control characters other than tab, line feed and carriage return.</summary>
    private static bool IsPlainText(ReadOnlySpan<byte> b)
    {
        if (!System.Text.Unicode.Utf8.IsValid(b)) return false;
        foreach (var c in b)
            if (c < 0x20 && c is not (0x09 or 0x0A or 0x0D) || c == 0x7F) return false;
        return true;
    }

    /// <summary>The name without folders or control characters, at most 150 characters, never blank.</summary>
    public static string SafeName(string? name)
    {
        var bare = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var clean = new string(bare.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\')).ToArray()).Trim();
        if (clean.Length > 150) clean = clean[^150..];
        return clean.Length == 0 ? "attachment" : clean;
    }

    private static async Task<IReadOnlyDictionary<string, string?>> ReadJsonAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength is > 64 * 1024) throw Invalid("The message is too long.", "body");
        try
        {
            using var doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw Invalid("Send a JSON object.", "body");
            return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name,
                p => p.Value.ValueKind switch { JsonValueKind.String => p.Value.GetString(), JsonValueKind.Null => null, _ => p.Value.GetRawText() },
                StringComparer.OrdinalIgnoreCase);
        }
        catch (JsonException)
        {
            throw Invalid("The request body is not valid JSON.", "body");
        }
    }

    private static void LimitBody(HttpRequest request)
    {
        const long slack = 128 * 1024; // boundaries, headers and the text fields
        const long limit = (long)MaxFiles * MaxBytes + slack;
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body) body.MaxRequestBodySize = limit;
        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions
        {
            MultipartBodyLengthLimit = limit, ValueCountLimit = 16, MultipartHeadersCountLimit = 8, ValueLengthLimit = 64 * 1024,
        }));
    }

    private static ValidationFailedException Invalid(string message, string field = Field) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}
