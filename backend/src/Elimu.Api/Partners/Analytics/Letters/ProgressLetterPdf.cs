using System.Globalization;
using Elimu.Api.Common;
using Elimu.Api.Partners.Finance.Documents;
using Elimu.Api.Partners.Profiles;
using Elimu.Api.Partners.ChildData;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Elimu.Api.Partners.Analytics.Letters;

/// <summary>What one letter shows: the partner's letterhead, the child's first name, the term's figures and the narrative with who wrote it.</summary>
public sealed record LetterContent(PartnerLetterhead Head, string Program, string Term, string FirstName, ChildTermFigures Figures, string Narrative,
    string Provider, string Model, DateTimeOffset NarrativeAt);

/// <summary>
/// A progress letter as a PDF (PDFsharp, A4, one page and a second when the areas, goals and narrative need it): the
/// partner's logo, name and colours, a photo placeholder beside the child's first name, the term's figures, learning
/// areas with rubric levels and movement, achievements, goals with how far each got, and the narrative. Safe to call
/// from several threads at once (each call has its own document).
/// </summary>
public static class ProgressLetterPdf
{
    private const double PageWidth = 595, PageHeight = 842, Margin = 44, Bottom = 792, Width = PageWidth - 2 * Margin;

    public static (byte[] Pdf, int Pages) Write(LetterContent c)
    {
        EmbeddedFonts.EnsureInstalled();
        var primary = Hex(c.Head.PrimaryColor, "#1F2A44");
        var secondary = Hex(c.Head.SecondaryColor, "#8A94A6");
        var t = c.Figures;
        var doc = new LetterPages(c.Head, primary, $"Progress letter: {c.FirstName}, {c.Term}");

        // The child: a photo placeholder (the platform keeps no photos of children) and the first name only.
        doc.Gfx.DrawRectangle(new XPen(secondary, 1), new XSolidBrush(XColor.FromArgb(30, secondary)), PageWidth - Margin - 86, doc.Y, 86, 104);
        doc.Gfx.DrawString("Photo", LetterPages.Font(9), XBrushes.Gray, new XRect(PageWidth - Margin - 86, doc.Y, 86, 104), XStringFormats.Center);
        doc.Text($"Progress letter · {c.Term}", 9.5, color: XColors.Gray, width: Width - 100);
        doc.Text(c.FirstName, 24, bold: true, color: primary, width: Width - 100);
        doc.Text($"{c.Program} · {Day(t.From)} to {Day(t.To)}" + (t.AsOf < t.To ? $" (figures to {Day(t.AsOf)})" : ""), 9, color: XColors.DimGray, width: Width - 100);
        doc.Y = Math.Max(doc.Y, 72 + 112);

        doc.Heading("This term", primary);
        doc.Figures([
            ("Minutes learned", N(t.Minutes)), ("Learning days", N(t.ActiveDays)), ("Sessions", N(t.Sessions)),
            ("Current streak", $"{N(t.CurrentStreak)} {Days(t.CurrentStreak)}"), ("Longest streak", $"{N(t.LongestStreak)} {Days(t.LongestStreak)}"),
            ("Lessons completed", N(t.LessonsCompleted)),
        ], primary);

        doc.Heading("Learning areas", primary);
        if (t.Areas.Count == 0) doc.Text("No assessment this term.", 9.5, color: XColors.DimGray);
        else
            doc.Table(["Learning area", "Assessed", "Average", "Level", "Before", "Movement"], [150, 50, 55, 135, 50, 67],
                [.. t.Areas.Select(a => (IReadOnlyList<string>)[a.Name, N(a.Assessments), $"{N(a.AverageScore)}%", a.LevelLabel,
                    a.PreviousLevel ?? "—", LetterWords.Movement(a.Movement)])], primary);

        doc.Heading("Achievements", primary);
        if (t.Achievements.Count == 0) doc.Text("No new achievement this term.", 9.5, color: XColors.DimGray);
        else
        {
            doc.Text($"{N(t.Achievements.Count)} earned this term", 9.5, bold: true);
            foreach (var a in t.Achievements.Take(6)) doc.Text($"• {a.Title} ({Day(DateOnly.FromDateTime(NairobiTime.ToNairobi(a.AwardedAt)))})", 9);
            if (t.Achievements.Count > 6) doc.Text($"and {N(t.Achievements.Count - 6)} more.", 9, color: XColors.DimGray);
        }

        doc.Heading("Goals", primary);
        if (t.Goals.Count == 0) doc.Text("No goal was set for this term.", 9.5, color: XColors.DimGray);
        else
            doc.Table(["Goal", "Now", "Done", "Status"], [270, 70, 60, 107],
                [.. t.Goals.Select(g => (IReadOnlyList<string>)[LetterWords.Goal(g), g.Current ?? "—", $"{g.Percent}%", LetterWords.Status(g.Status)])], primary);

        doc.Heading($"A word about {c.FirstName}", primary);
        foreach (var paragraph in c.Narrative.Split('\n', StringSplitOptions.RemoveEmptyEntries)) doc.Text(Plain(paragraph), 10);
        doc.Text($"Figures computed by Elimu from {c.FirstName}'s learning records, shared with consent of a parent or guardian. Narrative written by "
            + $"{c.Provider} ({c.Model}) on {NairobiTime.ToNairobi(c.NarrativeAt.UtcDateTime).ToString("d MMM yyyy", CultureInfo.InvariantCulture)}.", 7.5, color: XColors.Gray);
        return doc.Save();
    }

    private static string Plain(string markdown) => markdown.Replace("**", "").Replace("__", "").Replace("`", "");

    private static string Day(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Days(int n) => n == 1 ? "day" : "days";

    internal static string N(int v) => v.ToString("#,0", CultureInfo.InvariantCulture);

    internal static string N(decimal v) => v.ToString("#,0.#", CultureInfo.InvariantCulture);

    private static XColor Hex(string? hex, string fallback)
    {
        var value = (hex ?? fallback).TrimStart('#');
        if (value.Length != 6 || !int.TryParse(value, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb)) return Hex(fallback, fallback);
        return XColor.FromArgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    /// <summary>Top to bottom, a second page (with the letterhead band) when the next block does not fit.</summary>
    private sealed class LetterPages
    {
        private readonly PdfDocument _document = new();
        private readonly PartnerLetterhead _head;
        private readonly XColor _color;

        public XGraphics Gfx { get; private set; } = null!;
        public double Y { get; set; }

        public LetterPages(PartnerLetterhead head, XColor color, string title)
        {
            _head = head;
            _color = color;
            _document.Info.Title = title;
            _document.Info.Author = head.OrganizationName;
            _document.Info.Subject = "Progress letter";
            NewPage();
        }

        public static XFont Font(double size, bool bold = false) => new(EmbeddedFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

        private void NewPage()
        {
            Gfx?.Dispose();
            var page = _document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            Gfx = XGraphics.FromPdfPage(page);
            Gfx.DrawRectangle(new XSolidBrush(_color), 0, 0, PageWidth, 10);
            var x = Margin;
            if (_head.LogoPng is { } png)
            {
                using var image = XImage.FromStream(new MemoryStream(png));
                const double height = 34;
                var width = Math.Min(120, height * image.PixelWidth / Math.Max(1, image.PixelHeight));
                Gfx.DrawImage(image, x, 20, width, height);
                x += width + 12;
            }
            Gfx.DrawString(_head.OrganizationName, Font(11, bold: true), XBrushes.Black, new XRect(x, 30, 360, 14), XStringFormats.TopLeft);
            var footer = string.IsNullOrWhiteSpace(_head.Footer) ? "Progress letter" : _head.Footer!;
            Gfx.DrawString(footer.Length > 110 ? footer[..109] + "…" : footer, Font(7.5), XBrushes.Gray, new XRect(Margin, 812, Width, 10), XStringFormats.TopLeft);
            Gfx.DrawString($"Page {_document.PageCount}", Font(7.5), XBrushes.Gray, new XRect(Margin, 812, Width, 10), XStringFormats.TopRight);
            Y = 72;
        }

        private void Need(double height)
        {
            if (Y + height > Bottom) NewPage();
        }

        public void Heading(string text, XColor color)
        {
            Need(48);
            Y += 8;
            Gfx.DrawString(text, Font(12.5, bold: true), new XSolidBrush(color), new XRect(Margin, Y, Width, 16), XStringFormats.TopLeft);
            Y += 20;
        }

        public void Text(string text, double size, bool bold = false, XColor? color = null, double width = Width)
        {
            var font = Font(size, bold);
            foreach (var line in Wrap(text, font, width))
            {
                Need(size + 4);
                Gfx.DrawString(line, font, new XSolidBrush(color ?? XColors.Black), new XRect(Margin, Y, width, size + 4), XStringFormats.TopLeft);
                Y += size + 3.5;
            }
            Y += 3;
        }

        /// <summary>Label and value pairs, three to a row, each in a tinted box.</summary>
        public void Figures(IReadOnlyList<(string Label, string Value)> figures, XColor color)
        {
            const double boxHeight = 36, gap = 8;
            var boxWidth = (Width - 2 * gap) / 3;
            for (var i = 0; i < figures.Count; i += 3)
            {
                Need(boxHeight + gap);
                for (var j = 0; j < 3 && i + j < figures.Count; j++)
                {
                    var x = Margin + j * (boxWidth + gap);
                    Gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(28, color)), x, Y, boxWidth, boxHeight);
                    Gfx.DrawString(figures[i + j].Label, Font(8), XBrushes.DimGray, new XRect(x + 8, Y + 5, boxWidth - 16, 10), XStringFormats.TopLeft);
                    Gfx.DrawString(figures[i + j].Value, Font(13, bold: true), XBrushes.Black, new XRect(x + 8, Y + 17, boxWidth - 16, 15), XStringFormats.TopLeft);
                }
                Y += boxHeight + gap;
            }
        }

        public void Table(IReadOnlyList<string> header, IReadOnlyList<double> widths, IReadOnlyList<IReadOnlyList<string>> rows, XColor color)
        {
            const double rowHeight = 15;
            void Row(IReadOnlyList<string> cells, XFont font)
            {
                var x = Margin;
                for (var i = 0; i < cells.Count; i++)
                {
                    Gfx.DrawString(Fit(cells[i], font, widths[i] - 6), font, XBrushes.Black, new XRect(x + 3, Y + 2, widths[i] - 6, rowHeight), XStringFormats.TopLeft);
                    x += widths[i];
                }
                Y += rowHeight;
            }
            Need(rowHeight * 2);
            Gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(40, color)), Margin, Y, widths.Sum(), rowHeight);
            Row(header, Font(8.5, bold: true));
            foreach (var row in rows)
            {
                Need(rowHeight);
                Row(row, Font(8.5));
            }
            Y += 4;
        }

        private string Fit(string text, XFont font, double width)
        {
            if (Gfx.MeasureString(text, font).Width <= width) return text;
            while (text.Length > 1 && Gfx.MeasureString(text + "…", font).Width > width) text = text[..^1];
            return text + "…";
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && Gfx.MeasureString(candidate, font).Width > width)
                {
                    lines.Add(line);
                    line = word;
                }
                else line = candidate;
            }
            lines.Add(line);
            return lines;
        }

        public (byte[], int) Save()
        {
            Gfx.Dispose();
            var pages = _document.PageCount;
            using var stream = new MemoryStream();
            _document.Save(stream, closeStream: false);
            _document.Dispose();
            return (stream.ToArray(), pages);
        }
    }
}
