using System.IO.Compression;
using System.Text;
using Elimu.Api.Common;

namespace Elimu.Api.Partners.Content.Resources;

/// <summary>A kind of file a partner may contribute, with the type it is served as and the resource type it suggests.</summary>
public sealed record ResourceFormat(string Name, string Extension, string MimeType, ResourceType SuggestedType, string Label);

/// <summary>
/// Decides what an uploaded file is from its own bytes: the signature at its head, and for the Office formats the parts
/// its zip holds. The name and the Content-Type the client sent are never consulted, so a program renamed x.pdf is still
/// a program. Only the zip's central directory is read (entry names and count), never a part's content, so a zip bomb
/// costs nothing here; a zip with more parts than any real document has is refused before its names are compared.
/// </summary>
public static class ResourceFormats
{
    public const int HeadBytes = 16;
    public const int MaxZipEntries = 5_000;
    public const string Allowed = "PDF, Word (DOCX), PowerPoint (PPTX), Excel (XLSX), MP4 video, MP3 audio, PNG or JPEG";

    public static readonly ResourceFormat Pdf = new("pdf", ".pdf", "application/pdf", ResourceType.document, "PDF");
    public static readonly ResourceFormat Docx = new("docx", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ResourceType.document, "Word document");
    public static readonly ResourceFormat Pptx = new("pptx", ".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ResourceType.material, "PowerPoint presentation");
    public static readonly ResourceFormat Xlsx = new("xlsx", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ResourceType.material, "Excel workbook");
    public static readonly ResourceFormat Mp4 = new("mp4", ".mp4", "video/mp4", ResourceType.video, "MP4 video");
    public static readonly ResourceFormat Mp3 = new("mp3", ".mp3", "audio/mpeg", ResourceType.material, "MP3 audio");
    public static readonly ResourceFormat Png = new("png", ".png", "image/png", ResourceType.material, "PNG image");
    public static readonly ResourceFormat Jpeg = new("jpg", ".jpg", "image/jpeg", ResourceType.material, "JPEG image");

    public static readonly IReadOnlyList<ResourceFormat> All = [Pdf, Docx, Pptx, Xlsx, Mp4, Mp3, Png, Jpeg];

    public static ResourceFormat? ByMimeType(string? mime) => All.FirstOrDefault(f => f.MimeType == mime);

    /// <summary>ISO base media brands of MP4 video (the ftyp box's major brand); QuickTime, HEIF and audio-only M4A are not MP4 video.</summary>
    private static readonly HashSet<string> Mp4Brands =
        ["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "dash", "mmp4", "MSNV", "NDAS", "f4v "];

    /// <summary>What the file at <paramref name="path"/> is, or a refusal that says why not (the message names the file as the partner did).</summary>
    public static ResourceFormat Detect(string path, string displayName)
    {
        Span<byte> head = stackalloc byte[HeadBytes];
        int read;
        using (var file = File.OpenRead(path)) read = file.ReadAtLeast(head, HeadBytes, throwOnEndOfStream: false);
        head = head[..read];

        if (head.StartsWith("%PDF-"u8)) return Pdf;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(head[8..12]);
            return Mp4Brands.Contains(brand) ? Mp4 : throw Unsupported($"{displayName} is a {brand.Trim()} media file, not an MP4 video. Export it as MP4 (H.264).");
        }
        if (head.StartsWith("ID3"u8) || IsMpegAudioFrame(head)) return Mp3;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04])) return OfficeFormat(path, displayName);
        if (head.StartsWith("MZ"u8) || head.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]))
            throw Unsupported($"{displayName} is a program, whatever its name says. Programs cannot be uploaded; upload a {Allowed} file.");
        throw Unsupported($"{displayName} is not a file type Elimu accepts. Upload a {Allowed} file.");
    }

    /// <summary>An MPEG-1/2 Layer III frame header: 11 sync bits, then a layer field of 01.</summary>
    private static bool IsMpegAudioFrame(ReadOnlySpan<byte> head) =>
        head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) == 0x02;

    private static ResourceFormat OfficeFormat(string path, string displayName)
    {
        HashSet<string> names;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            if (zip.Entries.Count > MaxZipEntries)
                throw Unsupported($"{displayName} is a zip of {zip.Entries.Count:N0} parts, more than any Word, PowerPoint or Excel file has.");
            names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        catch (InvalidDataException)
        {
            throw Unsupported($"{displayName} is a damaged zip file and cannot be opened. Save it again and upload it.");
        }
        if (!names.Contains("[Content_Types].xml"))
            throw Unsupported($"{displayName} is a zip archive, not a Word, PowerPoint or Excel file. Upload the document itself, not a zip.");
        (ResourceFormat? format, string macros) = names.Contains("word/document.xml") ? (Docx, "word/vbaProject.bin")
            : names.Contains("ppt/presentation.xml") ? (Pptx, "ppt/vbaProject.bin")
            : names.Contains("xl/workbook.xml") ? (Xlsx, "xl/vbaProject.bin")
            : (null, "");
        if (format is null)
            throw Unsupported($"{displayName} is an Office package but not a Word document, PowerPoint presentation or Excel workbook.");
        if (names.Contains(macros))
            throw Unsupported($"{displayName} contains macros. Save it without macros (as {format.Extension}) and upload it again.");
        return format;
    }

    /// <summary>A 415 on <c>file</c>: the message under <c>errors.file</c> as well, where the form shows it.</summary>
    public static DomainException Unsupported(string message)
    {
        var refusal = new DomainException(StatusCodes.Status415UnsupportedMediaType, "unsupported_file_type", "This kind of file cannot be uploaded.", message);
        refusal.Extensions["errors"] = new Dictionary<string, string[]> { ["file"] = [message] };
        return refusal;
    }
}
