using System.Globalization;
using Elimu.Api.Common;
using Elimu.Api.Common.Charts;
using Elimu.Api.Partners.Finance.Documents;
using Elimu.Api.Partners.Profiles;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Elimu.Api.Partners.Analytics.Export;

/// <summary>
/// An impact report as a PDF (PDFsharp, A4): the partner's logo, name and colours from its branding, the key figures,
/// the narrative with who wrote it, and charts drawn as images (<see cref="ChartImages"/>): learning minutes per week,
/// assessments at Meeting or above per learning area, and competency ratings. Continues on further pages as needed.
/// </summary>
public static class ImpactReportPdf
{
    private const double PageWidth = 595, PageHeight = 842, Margin = 40, Bottom = 790;

    public static byte[] Write(ImpactReportDetail r, PartnerLetterhead head)
    {
        EmbeddedFonts.EnsureInstalled();
        var primary = Hex(head.PrimaryColor, "#1F2A44");
        var secondary = Hex(head.SecondaryColor, "#8A94A6");
        var doc = new Pages(head, primary, r.Title);
        var m = r.Metrics;

        doc.Heading("Impact report", 20, primary);
        doc.Paragraph(r.Title, 11, bold: true);
        doc.Paragraph($"Period {Day(m.PeriodStart)} to {Day(m.PeriodEnd)} · {r.ReportType} · generated {Moment(r.CompletedAt ?? r.GeneratedAt)} (Nairobi)", 8.5, color: XColors.Gray);
        doc.Gap(6);

        doc.Heading("Key figures", 13, primary);
        doc.Figures([
            ("Children sponsored", N(m.ChildrenSponsored)),
            ("With guardian consent", N(m.ChildrenWithConsent)),
            ("Children reached", $"{N(m.ChildrenReached)} ({N(m.EngagementRate)}%)"),
            ("Active learning hours", N(m.ActiveLearningHours)),
            ("Minutes a week per child", N(m.AverageWeeklyMinutes)),
            ("Learning sessions", N(m.Sessions)),
            ("Lessons completed", N(m.LessonsCompleted)),
            ("Assessments", N(m.Assessments)),
            ("Average score", m.Assessments == 0 ? "—" : $"{N(m.AverageScore)}% ({Signed(m.ScoreChange)} pts)"),
            ("Achievements earned", N(m.AchievementsEarned)),
            ("Spend in the period", Kes.Format(new Money(m.AmountSpent, m.Currency))),
            ("Cost per child reached", m.CostPerChild is { } c ? Kes.Format(new Money(c, m.Currency)) : "—"),
        ], primary);

        doc.Heading("Summary", 13, primary);
        doc.Paragraph(Plain(r.Summary ?? ""), 9.5);
        doc.Heading("Highlights", 13, primary);
        foreach (var h in r.Highlights) doc.Paragraph("• " + Plain(h), 9.5);
        doc.Heading("Recommendations", 13, primary);
        foreach (var h in r.Recommendations) doc.Paragraph("• " + Plain(h), 9.5);
        doc.Paragraph($"Figures computed by Elimu from the records of children whose guardians consented. Narrative written by {r.Provider} ({r.Model})"
            + (r.NarrativeGeneratedAt is { } at ? $" on {Moment(at)} (Nairobi)." : "."), 7.5, color: XColors.Gray);

        var b = r.Breakdown;
        if (b.Weeks.Count > 0)
            doc.Chart(ChartImages.Lines("Learning minutes per week", [.. b.Weeks.Select(w => w.WeekStart.ToString("d MMM", CultureInfo.InvariantCulture))],
                [new ChartSeries("Minutes", [.. b.Weeks.Select(w => (double)w.Minutes)], Css(primary)),
                 new ChartSeries("Children active", [.. b.Weeks.Select(w => (double)w.ActiveChildren)], Css(secondary))], "Minutes / children"));
        if (b.Areas.Count > 0)
        {
            doc.Chart(ChartImages.Bars("Assessments at Meeting or Exceeding Expectations (%)", [.. b.Areas.Select(a => a.LearningArea)],
                [new ChartSeries("Previous period", [.. b.Areas.Select(a => (double)(a.PreviousMeetingOrAbove ?? 0))], Css(secondary)),
                 new ChartSeries("This period", [.. b.Areas.Select(a => (double)(a.MeetingOrAbove ?? 0))], Css(primary))], "%"));
            doc.Heading("Rubric levels per learning area", 13, primary);
            doc.Table(["Learning area", "Assessed", "EE", "ME", "AE", "BE", "Average", "Change"], [150, 55, 40, 40, 40, 40, 75, 75],
                b.Areas.Select(a => (IReadOnlyList<string>)[a.LearningArea, N(a.Assessments), N(a.Exceeding), N(a.Meeting), N(a.Approaching), N(a.Below),
                    a.AverageScore is { } s ? $"{N(s)}%" : "—",
                    a.AverageScore is { } now && a.PreviousAverageScore is { } before ? Signed(now - before) : "—"]).ToList(), primary);
        }
        if (b.Competencies.Count > 0)
            doc.Chart(ChartImages.Bars("Core competencies: average rating (1 = BE … 4 = EE)", [.. b.Competencies.Select(c => Competency(c.Competency))],
                [new ChartSeries("Previous period", [.. b.Competencies.Select(c => (double)(c.PreviousAverage ?? 0))], Css(secondary)),
                 new ChartSeries("This period", [.. b.Competencies.Select(c => (double)(c.Average ?? 0))], Css(primary))], "Rating"));
        return doc.Save();
    }

    private static string Competency(string code) => code.Replace("_and_", " & ").Replace('_', ' ') switch { var s => char.ToUpperInvariant(s[0]) + s[1..] };

    /// <summary>The narrative may hold simple Markdown; the PDF shows its words without the marks.</summary>
    private static string Plain(string markdown) => markdown.Replace("**", "").Replace("__", "").Replace("`", "");

    private static string Day(DateOnly? d) => d?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "";

    private static string Moment(DateTime utc) => NairobiTime.ToNairobi(utc).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string N(int v) => v.ToString("#,0", CultureInfo.InvariantCulture);

    private static string N(decimal v) => v.ToString("#,0.#", CultureInfo.InvariantCulture);

    private static string Signed(decimal v) => v.ToString("+#,0.#;-#,0.#;0", CultureInfo.InvariantCulture);

    private static XColor Hex(string? hex, string fallback)
    {
        var value = (hex ?? fallback).TrimStart('#');
        if (value.Length != 6 || !int.TryParse(value, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
            return Hex(fallback, fallback);
        return XColor.FromArgb((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF);
    }

    private static string Css(XColor c) => $"#{c.R:X2}{c.G:X2}{c.B:X2}";

    /// <summary>Writes top to bottom, a new page (with the letterhead band) when the next block does not fit.</summary>
    private sealed class Pages
    {
        private readonly PdfDocument _document = new();
        private readonly PartnerLetterhead _head;
        private readonly XColor _color;
        private XGraphics _gfx = null!;
        private double _y;
        private const double Width = PageWidth - 2 * Margin;

        public Pages(PartnerLetterhead head, XColor color, string title)
        {
            _head = head;
            _color = color;
            _document.Info.Title = title;
            _document.Info.Author = head.OrganizationName;
            _document.Info.Subject = "Impact report";
            NewPage();
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
            var footer = string.IsNullOrWhiteSpace(_head.Footer) ? "Elimu · impact report" : _head.Footer!;
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
}
