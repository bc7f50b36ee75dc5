using Elimu.Api.Common;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Processing;

namespace Elimu.Api.Partners.Profiles;

/// <summary>The picture as stored: re-encoded bytes, their type and size.</summary>
public sealed record CleanImage(byte[] Content, string ContentType, int Width, int Height);

/// <summary>
/// Decides what an uploaded picture is from its first bytes (PNG, JPEG or WebP signatures), never from its name or the
/// type the browser claims; reads its size from the header and refuses what is too small, too large or the wrong shape
/// before decoding; then decodes one frame, shrinks it into the kind's box and re-encodes it in the same format. The
/// re-encoding drops EXIF (camera, GPS), ICC, XMP and IPTC metadata and anything hidden after the image data.
/// </summary>
public static class ProfileImageInspector
{
    public static readonly string[] Accepted = ["image/png", "image/jpeg", "image/webp"];

    public static string? SniffType(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return "image/png";
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "image/jpeg";
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "image/webp";
        return null;
    }

    public static async Task<CleanImage> CleanAsync(byte[] upload, ProfileImageKind kind, CancellationToken ct)
    {
        var type = SniffType(upload) ?? throw new DomainException(StatusCodes.Status415UnsupportedMediaType, "unsupported_image_type",
            "This file is not a PNG, JPEG or WebP picture.", "Upload a PNG, JPEG or WebP picture (the file's contents are checked, not its name).")
        {
            Extensions = { ["errors"] = new Dictionary<string, string[]> { ["file"] = ["This file is not a PNG, JPEG or WebP picture."] } },
        };
        IImageInfo? info;
        try
        {
            info = await Image.IdentifyAsync(Decoding, new MemoryStream(upload, writable: false), ct);
        }
        catch (Exception e) when (e is ImageFormatException or UnknownImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            throw Invalid("The picture could not be read: the file is damaged or not really an image.");
        }
        if (info is null) throw Invalid("The picture could not be read: the file is damaged or not really an image.");
        var shape = ProfileImageRules.For(kind);
        var (w, h) = (info.Width, info.Height);
        if (w > ProfileImageRules.MaxSide || h > ProfileImageRules.MaxSide || (long)w * h > ProfileImageRules.MaxPixels)
            throw Invalid($"The picture is {w} × {h} pixels; use one at most {ProfileImageRules.MaxSide} pixels on each side.");
        if (w < shape.MinWidth || h < shape.MinHeight || (double)w / h < shape.MinAspect)
            throw Invalid($"The picture is {w} × {h} pixels; a {kind} should be {shape.Describe}.");

        try
        {
            using var image = await Image.LoadAsync(Decoding, new MemoryStream(upload, writable: false), ct);
            while (image.Frames.Count > 1) image.Frames.RemoveFrame(1); // an animated WebP keeps its first frame
            if (image.Width > shape.FitWidth || image.Height > shape.FitHeight)
                image.Mutate(x => x.Resize(new ResizeOptions { Mode = ResizeMode.Max, Size = new Size(shape.FitWidth, shape.FitHeight) }));
            image.Metadata.ExifProfile = null;
            image.Metadata.IccProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IptcProfile = null;
            IImageEncoder encoder = type switch
            {
                "image/png" => new PngEncoder(),
                "image/jpeg" => new JpegEncoder { Quality = 88 },
                _ => new WebpEncoder { Quality = 88 },
            };
            using var output = new MemoryStream();
            await image.SaveAsync(output, encoder, ct);
            return new CleanImage(output.ToArray(), type, image.Width, image.Height);
        }
        catch (Exception e) when (e is ImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            throw Invalid("The picture could not be read: the file is damaged or not really an image.");
        }
    }

    /// <summary>Only the three accepted formats are decoded, on one thread (the machine serves others while it works).</summary>
    private static readonly Configuration Decoding = new(new PngConfigurationModule(), new JpegConfigurationModule(), new WebpConfigurationModule())
    {
        MaxDegreeOfParallelism = 1,
    };

    private static ValidationFailedException Invalid(string message) =>
        new(new Dictionary<string, string[]> { ["file"] = [message] });
}
