using Elimu.Api.Common.Charts;
using System.Globalization;
using Elimu.Api.Common;
using Elimu.Api.Partners.Finance.Documents;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Elimu.Api.Partners.Analytics.Reports;

/// <summary>A run as a PDF (PDFsharp, the billing documents' embedded fonts): a cover, the chart of the first metric, the table.</summary>
public static class ReportPdf
{
    private const double Margin = 40, PageWidth = 842, PageHeight = 595, RowHeight = 16;
    /// <summary>The brand red of the dashboard; custom reports are not branded per partner.</summary>
    private const string ChartColor = "#E40000";

    public static byte[] Render(ReportRunResponse run, string partnerName, ReportFilters filters)
    {
        EmbeddedFonts.EnsureInstalled();
        var title = new XFont(EmbeddedFonts.Family, 24, XFontStyleEx.Bold);
        var bold = new XFont(EmbeddedFonts.Family, 9.5, XFontStyleEx.Bold);
        var regular = new XFont(EmbeddedFonts.Family, 9.5);
        var accent = new XSolidBrush(XColor.FromArgb(0x1F, 0x2A, 0x44));
        using var doc = new PdfDocument();
        doc.Info.Title = run.Name;
        doc.Info.Author = partnerName;

        // Cover.
        var gfx = Page(doc);
        gfx.DrawRectangle(accent, 0, 0, PageWidth, 10);
        gfx.DrawString(run.Name, title, accent, new XRect(Margin, 140, PageWidth - 2 * Margin, 30), XStringFormats.TopLeft);
        var y = 190.0;
        foreach (var (label, value) in Facts(run, partnerName, filters))
        {
            gfx.DrawString(label, bold, XBrushes.Black, new XRect(Margin, y, 140, RowHeight), XStringFormats.TopLeft);
            gfx.DrawString(value, regular, XBrushes.Black, new XRect(Margin + 150, y, PageWidth - 2 * Margin - 150, RowHeight), XStringFormats.TopLeft);
            y += RowHeight + 2;
        }
        gfx.Dispose();

        // Chart of the first metric.
        if (run.Columns.Count > 0 && run.Rows.Count > 0)
        {
            var first = run.Columns[0];
            var chartTitle = $"{first.Label} by {run.GroupLabel.ToLowerInvariant()}";
            string[] labels = [.. run.Rows.Select(r => r.Label)];
            double[] values = [.. run.Rows.Select(r => (double)(r.Values[first.Key] ?? 0))];
            ChartSeries[] series = [new(first.Label, values, ChartColor)];
            var png = run.ChartType switch
            {
                "pie" => ChartImages.Pie(chartTitle, labels, values),
                "line" => ChartImages.Lines(chartTitle, labels, series, first.Label),
                _ => ChartImages.Bars(chartTitle, labels, series, first.Label),
            };
            gfx = Page(doc);
            using var image = XImage.FromStream(new MemoryStream(png));
            var width = PageWidth - 2 * Margin;
            gfx.DrawImage(image, Margin, Margin, width, width * image.PixelHeight / image.PixelWidth);
            gfx.Dispose();
        }

        // The table, continued over pages.
        gfx = Page(doc);
        y = Margin;
        var columnWidth = Math.Min(110, (PageWidth - 2 * Margin - 200) / Math.Max(1, run.Columns.Count));
        void Header()
        {
            gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(40, 0x1F, 0x2A, 0x44)), Margin, y - 2, PageWidth - 2 * Margin, RowHeight);
            gfx.DrawString(run.GroupLabel, bold, XBrushes.Black, new XRect(Margin + 4, y, 196, RowHeight), XStringFormats.TopLeft);
            for (var i = 0; i < run.Columns.Count; i++)
                gfx.DrawString(run.Columns[i].Label, bold, XBrushes.Black, new XRect(Margin + 200 + i * columnWidth, y, columnWidth - 4, RowHeight), XStringFormats.TopRight);
            y += RowHeight + 2;
        }
        Header();
        foreach (var (label, values) in ReportFiles.Lines(run))
        {
            if (y + RowHeight > PageHeight - Margin)
            {
                gfx.Dispose();
                gfx = Page(doc);
                y = Margin;
                Header();
            }
            var font = label == "Total" ? bold : regular;
            gfx.DrawString(label.Length > 34 ? label[..33] + "…" : label, font, XBrushes.Black, new XRect(Margin + 4, y, 196, RowHeight), XStringFormats.TopLeft);
            for (var i = 0; i < run.Columns.Count; i++)
                gfx.DrawString(Number(values[run.Columns[i].Key]), font, XBrushes.Black,
                    new XRect(Margin + 200 + i * columnWidth, y, columnWidth - 4, RowHeight), XStringFormats.TopRight);
            y += RowHeight;
        }
        gfx.Dispose();
        using var output = new MemoryStream();
        doc.Save(output);
        return output.ToArray();
    }

    /// <summary>As the table shows a figure: invariant digits, no grouping, so the PDF's text reads back as the run's figure.</summary>
    public static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "–";

    private static IEnumerable<(string, string)> Facts(ReportRunResponse run, string partnerName, ReportFilters f)
    {
        yield return ("Prepared for", partnerName);
        yield return ("Period", $"{run.From:d MMM yyyy} to {run.To:d MMM yyyy}");
        yield return ("Grouped by", run.GroupLabel);
        yield return ("Metrics", string.Join(", ", run.Columns.Select(c => c.Label)));
        if (f.Grades.Count > 0) yield return ("Grades", string.Join(", ", f.Grades));
        if (f.Counties.Count > 0) yield return ("Counties", string.Join(", ", f.Counties));
        if (f.LearningAreas.Count > 0) yield return ("Learning areas", string.Join(", ", f.LearningAreas));
        if (f.Statuses.Count > 0) yield return ("Statuses", string.Join(", ", f.Statuses));
        if (f.ProgramIds.Count > 0) yield return ("Programs", $"{f.ProgramIds.Count} chosen");
        yield return ("Generated", NairobiTime.ToNairobi(run.GeneratedAt).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " (Nairobi)");
        yield return ("Children counted", "Only children whose guardians' consent stands.");
    }

    private static XGraphics Page(PdfDocument doc)
    {
        var page = doc.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        return XGraphics.FromPdfPage(page);
    }
}
