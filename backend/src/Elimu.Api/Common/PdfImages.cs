using SixLabors.ImageSharp;

namespace Elimu.Api.Common;

/// <summary>Images as the PDF writers want them.</summary>
public static class PdfImages
{
    /// <summary>A stored logo (PNG, JPEG or WebP) as PNG, which PDFsharp embeds; null when it cannot be read.</summary>
    public static byte[]? AsPng(byte[] image)
    {
        try
        {
            using var picture = Image.Load(image);
            using var png = new MemoryStream();
            picture.SaveAsPng(png);
            return png.ToArray();
        }
        catch (Exception e) when (e is UnknownImageFormatException or InvalidImageContentException)
        {
            return null;
        }
    }
}
