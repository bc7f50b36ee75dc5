using System.Globalization;
using Elimu.Api.Partners.Finance.Documents;
using Elimu.Api.Partners.Profiles;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Elimu.Api.Partners.Analytics.Export;

/// <summary>
/// A report the partner hands to others, written top to bottom on A4 (PDFsharp) under its letterhead: the brand colour's
/// band, the logo and name, the footer from its branding (else "Elimu · " and the kind of report) and page numbers; a new
/// page when the next block does not fit. Impact reports and grant compliance reports are written with it.
/// </summary>
public sealed class LetterheadPages
{
    private const double PageWidth = 595, PageHeight = 842, Margin = 40, Bottom = 790;
    private readonly PdfDocument _document = new();
    private readonly PartnerLetterhead _head;
    private readonly XColor _color;
    private XGraphics _gfx = null!;
    private double _y;
    private const double Width = PageWidth - 2 * Margin;
    private readonly string _kind;

    /// <param name="kind">What the document is ("Impact report"): its subject, and the footer when the branding has none.</param>
    public LetterheadPages(PartnerLetterhead head, XColor color, string title, string kind)
    {
        EmbeddedFonts.EnsureInstalled();
        _head = head;
        _color = color;
        _kind = kind;
        _document.Info.Title = title;
        _document.Info.Author = head.OrganizationName;
        _document.Info.Subject = kind;
        NewPage();
    }

    /// <summary>A #RRGGBB brand colour, or <paramref name="fallback"/> when it is missing or not one.</summary>
    public static XColor Hex(string? hex, string fallback)
    {
        var value = (hex ?? fallback).TrimStart('#');
        if (value.Length != 6 || !int.TryParse(value, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
            return Hex(fallback, fallback);
        return XColor.FromArgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    private static XFont Font(double size, bool bold = false) => new(EmbeddedFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    private void NewPage()
    {
        _gfx?.Dispose();
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        _gfx = XGraphics.FromPdfPage(page);
        _gfx.DrawRectangle(new XSolidBrush(_color), 0, 0, PageWidth, 8);
        var x = Margin;
        if (_head.LogoPng is { } png)
        {
            using var image = XImage.FromStream(new MemoryStream(png));
            const double height = 36;
            var width = Math.Min(130, height * image.PixelWidth / Math.Max(1, image.PixelHeight));
            _gfx.DrawImage(image, x, 20, width, height);
            x += width + 12;
        }
        _gfx.DrawString(_head.OrganizationName, Font(11, bold: true), XBrushes.Black, new XRect(x, 30, 360, 14), XStringFormats.TopLeft);
        var footer = string.IsNullOrWhiteSpace(_head.Footer) ? $"Elimu · {_kind.ToLowerInvariant()}" : _head.Footer!;
        _gfx.DrawString(footer.Length > 110 ? footer[..109] + "…" : footer, Font(7.5), XBrushes.Gray,
            new XRect(Margin, 812, Width, 10), XStringFormats.TopLeft);
        _gfx.DrawString($"Page {_document.PageCount}", Font(7.5), XBrushes.Gray, new XRect(Margin, 812, Width, 10), XStringFormats.TopRight);
        _y = 72;
    }

    private void Need(double height)
    {
        if (_y + height > Bottom) NewPage();
    }

    public void Gap(double h) => _y += h;

    public void Heading(string text, double size, XColor color)
    {
        Need(size + 30);
        _y += 6;
        _gfx.DrawString(text, Font(size, bold: true), new XSolidBrush(color), new XRect(Margin, _y, Width, size + 4), XStringFormats.TopLeft);
        _y += size + 8;
    }

    public void Paragraph(string text, double size, bool bold = false, XColor? color = null)
    {
        var font = Font(size, bold);
        var lines = Wrap(text, font, Width);
        foreach (var line in lines)
        {
            Need(size + 4);
            _gfx.DrawString(line, font, new XSolidBrush(color ?? XColors.Black), new XRect(Margin, _y, Width, size + 4), XStringFormats.TopLeft);
            _y += size + 3.5;
        }
        _y += 4;
    }

    /// <summary>Label and value pairs in two columns, each in a tinted box.</summary>
    public void Figures(IReadOnlyList<(string Label, string Value)> figures, XColor color)
    {
        const double boxHeight = 34, gap = 8;
        var boxWidth = (Width - gap) / 2;
        for (var i = 0; i < figures.Count; i += 2)
        {
            Need(boxHeight + gap);
            for (var j = 0; j < 2 && i + j < figures.Count; j++)
            {
                var x = Margin + j * (boxWidth + gap);
                _gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(28, color)), x, _y, boxWidth, boxHeight);
                _gfx.DrawString(figures[i + j].Label, Font(8), XBrushes.DimGray, new XRect(x + 8, _y + 5, boxWidth - 16, 10), XStringFormats.TopLeft);
                _gfx.DrawString(figures[i + j].Value, Font(12, bold: true), XBrushes.Black, new XRect(x + 8, _y + 16, boxWidth - 16, 14), XStringFormats.TopLeft);
            }
            _y += boxHeight + gap;
        }
        _y += 4;
    }

    public void Chart(byte[] png)
    {
        using var image = XImage.FromStream(new MemoryStream(png));
        var height = Width * image.PixelHeight / image.PixelWidth;
        Need(height + 10);
        _gfx.DrawImage(image, Margin, _y, Width, height);
        _y += height + 10;
    }

    public void Table(IReadOnlyList<string> header, IReadOnlyList<double> widths, IReadOnlyList<IReadOnlyList<string>> rows, XColor color)
    {
        const double rowHeight = 15;
        void Row(IReadOnlyList<string> cells, XFont font)
        {
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var text = Fit(cells[i], font, widths[i] - 6);
                _gfx.DrawString(text, font, XBrushes.Black, new XRect(x + 3, _y + 2, widths[i] - 6, rowHeight), i == 0 ? XStringFormats.TopLeft : XStringFormats.TopRight);
                x += widths[i];
            }
            _y += rowHeight;
        }
        Need(rowHeight * 3);
        _gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(40, color)), Margin, _y, widths.Sum(), rowHeight);
        Row(header, Font(8.5, bold: true));
        foreach (var row in rows)
        {
            Need(rowHeight);
            Row(row, Font(8.5));
        }
        _y += 8;
    }

    private string Fit(string text, XFont font, double width)
    {
        if (_gfx.MeasureString(text, font).Width <= width) return text;
        while (text.Length > 1 && _gfx.MeasureString(text + "…", font).Width > width) text = text[..^1];
        return text + "…";
    }

    private List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && _gfx.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else line = candidate;
            }
            lines.Add(line);
        }
        return lines;
    }

    public byte[] Save()
    {
        _gfx.Dispose();
        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        _document.Dispose();
        return stream.ToArray();
    }
}
