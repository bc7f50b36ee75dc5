using ScottPlot;

namespace Elimu.Api.Partners.Analytics.Reports;

/// <summary>
/// A chart as a PNG for documents (ScottPlot 5 on SkiaSharp): bars, a line or a pie of one series with a label per point.
/// Kept alone in this file: impact reports draw theirs the same way and the two may become one.
/// </summary>
public static class ReportChartImage
{
    public static byte[] Png(string title, IReadOnlyList<string> labels, IReadOnlyList<double> values, string chartType, int width = 900, int height = 420)
    {
        var plot = new Plot();
        plot.Title(title);
        var positions = Enumerable.Range(0, values.Count).Select(i => (double)i).ToArray();
        switch (chartType)
        {
            case "pie":
                var pie = plot.Add.Pie(values.ToArray());
                for (var i = 0; i < pie.Slices.Count && i < labels.Count; i++) pie.Slices[i].LegendText = labels[i];
                plot.ShowLegend();
                plot.Axes.Frameless();
                plot.HideGrid();
                break;
            case "line":
                plot.Add.Scatter(positions, values.ToArray());
                Ticks(plot, positions, labels);
                break;
            default:
                plot.Add.Bars(values.ToArray());
                Ticks(plot, positions, labels);
                plot.Axes.Margins(bottom: 0);
                break;
        }
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    private static void Ticks(Plot plot, double[] positions, IReadOnlyList<string> labels)
    {
        var shown = labels.Select(l => l.Length > 14 ? l[..13] + "…" : l).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, shown);
        if (labels.Count > 6) plot.Axes.Bottom.TickLabelStyle.Rotation = 30;
        plot.Axes.Bottom.TickLabelStyle.Alignment = labels.Count > 6 ? Alignment.MiddleLeft : Alignment.UpperCenter;
    }
}
