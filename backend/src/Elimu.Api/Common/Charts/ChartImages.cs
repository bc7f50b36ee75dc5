using ScottPlot;
using SkiaSharp;

namespace Elimu.Api.Common.Charts;

/// <summary>A named series of a chart, one value per category, drawn in <see cref="ColorHex"/> (#RRGGBB).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values, string ColorHex);

/// <summary>
/// Charts drawn as PNG images (ScottPlot 5 over SkiaSharp) for documents: PDFs embed them as pictures. Text is drawn
/// with the DejaVu Sans embedded in the assembly, never a host font, so a server without fonts draws the same chart.
/// Any report or export may use it: grouped bars over categories, or lines over a sequence.
/// </summary>
public static class ChartImages
{
    public const string FontName = "DejaVu Sans";
    private static readonly Lazy<bool> FontsInstalled = new(() =>
    {
        Fonts.FontResolvers.Insert(0, new EmbeddedChartFont());
        Fonts.Default = FontName;
        return true;
    });

    /// <summary>Bars per category, one bar per series side by side, with a legend when there is more than one series.</summary>
    public static byte[] Bars(string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, string valueLabel,
        int width = 900, int height = 420)
    {
        var plot = NewPlot(title, valueLabel);
        var groupWidth = 0.8;
        var barWidth = groupWidth / Math.Max(1, series.Count);
        for (var s = 0; s < series.Count; s++)
        {
            var color = Color.FromHex(series[s].ColorHex);
            var bars = series[s].Values.Select((value, c) => new Bar
            {
                Position = c - groupWidth / 2 + barWidth * (s + 0.5), Value = value, Size = barWidth * 0.92, FillColor = color, LineWidth = 0,
            }).ToList();
            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = series[s].Name;
        }
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, categories.Count).Select(i => (double)i)], [.. categories.Select(Shorten)]);
        plot.Axes.Margins(bottom: 0);
        plot.Axes.SetLimitsX(-0.6, categories.Count - 0.4);
        plot.ShowLegend(series.Count > 1 ? Alignment.UpperRight : Alignment.UpperLeft);
        if (series.Count < 2) plot.HideLegend();
        return Png(plot, width, height);
    }

    /// <summary>One line per series over the labelled points (weeks, months), markers on each point.</summary>
    public static byte[] Lines(string title, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series, string valueLabel,
        int width = 900, int height = 360)
    {
        var plot = NewPlot(title, valueLabel);
        double[] xs = [.. Enumerable.Range(0, labels.Count).Select(i => (double)i)];
        foreach (var s in series)
        {
            var line = plot.Add.Scatter(xs, s.Values.ToArray(), Color.FromHex(s.ColorHex));
            line.LineWidth = 2.5f;
            line.MarkerSize = 6;
            line.LegendText = s.Name;
        }
        // At most about ten tick labels, evenly spaced, so a year of weeks stays legible.
        var step = Math.Max(1, (int)Math.Ceiling(labels.Count / 10.0));
        var ticks = Enumerable.Range(0, labels.Count).Where(i => i % step == 0).ToList();
        plot.Axes.Bottom.SetTicks([.. ticks.Select(i => (double)i)], [.. ticks.Select(i => labels[i])]);
        plot.Axes.SetLimitsX(-0.3, Math.Max(1, labels.Count - 0.7));
        plot.Axes.Margins(bottom: 0);
        if (series.Count > 1) plot.ShowLegend(Alignment.UpperRight); else plot.HideLegend();
        return Png(plot, width, height);
    }

    /// <summary>One slice per category, labelled in the legend.</summary>
    public static byte[] Pie(string title, IReadOnlyList<string> categories, IReadOnlyList<double> values, int width = 900, int height = 420)
    {
        var plot = NewPlot(title, "");
        var pie = plot.Add.Pie(values.ToArray());
        for (var i = 0; i < pie.Slices.Count && i < categories.Count; i++) pie.Slices[i].LegendText = Shorten(categories[i]);
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Frameless();
        plot.HideGrid();
        return Png(plot, width, height);
    }

    private static Plot NewPlot(string title, string valueLabel)
    {
        _ = FontsInstalled.Value;
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, 16);
        plot.YLabel(valueLabel, 13);
        plot.Grid.XAxisStyle.IsVisible = false;
        return plot;
    }

    private static byte[] Png(Plot plot, int width, int height) => plot.GetImage(width, height).GetImageBytes(ImageFormat.Png, 100);

    private static string Shorten(string label) => label.Length <= 18 ? label : label[..17] + "…";

    /// <summary>Resolves every font name to the embedded DejaVu Sans (regular or bold).</summary>
    private sealed class EmbeddedChartFont : IFontResolver
    {
        private static readonly Lazy<SKTypeface> Regular = new(() => Load("DejaVuSans"));
        private static readonly Lazy<SKTypeface> Bold = new(() => Load("DejaVuSans-Bold"));

        public SKTypeface CreateTypeface(string fontName, bool bold, bool italic) => bold ? Bold.Value : Regular.Value;

        public SKTypeface CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            weight >= FontWeight.SemiBold ? Bold.Value : Regular.Value;

        private static SKTypeface Load(string face)
        {
            using var stream = typeof(ChartImages).Assembly.GetManifestResourceStream($"fonts/{face}.ttf")
                ?? throw new InvalidOperationException($"The font {face} is not embedded.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return SKTypeface.FromData(SKData.CreateCopy(copy.ToArray()));
        }
    }
}
