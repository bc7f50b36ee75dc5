using Elimu.Api.Common;
using Elimu.Api.Partners.Finance.Documents;
using Elimu.Api.Partners.Profiles;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Elimu.Api.Partners.Content.Resources;

/// <summary>
/// Stamps the partner's logo (from its profile, as impact reports and invoices draw it) in the top right corner of every
/// page of a contributed PDF, with the organisation's name under it, over the page's own content. The stamped copy
/// replaces the upload; a PDF PDFsharp cannot open for changes (encrypted, damaged) is a 422 rather than an unbranded file.
/// </summary>
public static class ResourceBranding
{
    private const double LogoHeight = 28, LogoMaxWidth = 110, Inset = 14;

    public static void Stamp(string path, PartnerLetterhead head)
    {
        if (head.LogoPng is not { } png)
            throw Refuse("Add your organisation's logo on the Profile page first; branding stamps it on every page.");
        EmbeddedFonts.EnsureInstalled();
        var stamped = path + ".branded";
        try
        {
            using (var document = Open(path))
            using (var logo = XImage.FromStream(new MemoryStream(png)))
            {
                var width = Math.Min(LogoMaxWidth, LogoHeight * logo.PixelWidth / Math.Max(1, logo.PixelHeight));
                var font = new XFont(EmbeddedFonts.Family, 6.5, XFontStyleEx.Regular);
                foreach (var page in document.Pages)
                {
                    using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
                    var x = gfx.PageSize.Width - Inset - width;
                    gfx.DrawImage(logo, x, Inset, width, LogoHeight);
                    if (head.OrganizationName.Length > 0)
                        gfx.DrawString(Clip(head.OrganizationName), font, XBrushes.Gray,
                            new XRect(gfx.PageSize.Width - Inset - 160, Inset + LogoHeight + 2, 160, 9), XStringFormats.TopRight);
                }
                document.Save(stamped);
            }
            File.Move(stamped, path, overwrite: true);
        }
        finally
        {
            ResourceStorage.TryDelete(stamped);
        }
    }

    private static PdfDocument Open(string path)
    {
        try
        {
            var document = PdfReader.Open(path, PdfDocumentOpenMode.Modify);
            if (document.PageCount == 0) throw Refuse("The PDF has no pages to brand.");
            return document;
        }
        // PDFsharp reports an encrypted or malformed file through several exception types.
        catch (Exception e) when (e is PdfSharp.PdfSharpException or InvalidOperationException or NotImplementedException or FormatException
            or ArgumentException or InvalidCastException or IOException)
        {
            throw Refuse("This PDF is protected or cannot be changed, so it cannot be branded. Upload it without branding, or save an unprotected copy.");
        }
    }

    private static string Clip(string text) => text.Length <= 60 ? text : text[..59] + "…";

    private static ValidationFailedException Refuse(string message) =>
        new(new Dictionary<string, string[]> { ["brandingApplied"] = [message] }, StatusCodes.Status422UnprocessableEntity);
}
