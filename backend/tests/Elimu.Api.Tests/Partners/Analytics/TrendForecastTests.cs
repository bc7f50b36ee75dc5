using Elimu.Api.Partners.Analytics.Forecasts;

namespace Elimu.Api.Tests.Partners.Analytics;

/// <summary>The statistics behind the forecasts, on series whose trend is known.</summary>
public sealed class TrendForecastTests
{
    /// <summary>A deterministic wobble of ±<paramref name="size"/> around zero (no random numbers in tests).</summary>
    private static double Noise(int i, double size) => size * Math.Sin(i * 2.3 + 0.7);

    private static List<double> Series(int n, double start, double slope, double noise) =>
        [.. Enumerable.Range(0, n).Select(i => start + slope * i + Noise(i, noise))];

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    public void A_short_history_gets_a_least_squares_trend_that_finds_the_slope(int n)
    {
        var f = TrendForecast.Forecast(Series(n, 40, 6, 0.5), 3);

        Assert.Equal(ForecastMethod.linear_trend, f.Method);
        Assert.InRange(f.Slope!.Value, 5.0, 7.0);
        for (var h = 1; h <= 3; h++)
            Assert.InRange(f.Steps[h - 1].Estimate, 40 + 6 * (n - 1 + h) - 2.5, 40 + 6 * (n - 1 + h) + 2.5);
    }

    [Fact]
    public void An_exact_line_is_continued_exactly()
    {
        var f = TrendForecast.Forecast([10, 13, 16, 19], 3);
        Assert.Equal([22.0, 25.0, 28.0], f.Steps.Select(s => Math.Round(s.Estimate, 9)));
        Assert.Equal(3.0, f.Slope!.Value, 9);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(12)]
    public void A_longer_history_gets_holts_smoothing_that_finds_the_trend(int n)
    {
        var f = TrendForecast.Forecast(Series(n, 100, -4, 1), 3);

        Assert.Equal(ForecastMethod.holt, f.Method);
        Assert.InRange(f.Slope!.Value, -5.0, -3.0);
        Assert.InRange(f.Alpha!.Value, 0.05, 0.95);
        Assert.InRange(f.Steps[2].Estimate, 100 - 4 * (n + 2) - 5, 100 - 4 * (n + 2) + 5);
    }

    [Fact]
    public void Holt_follows_a_change_of_trend_that_a_straight_line_averages_away()
    {
        // Flat for six terms, then rising by 10 a term: the recent trend is 10.
        double[] y = [50, 50, 50, 50, 50, 50, 60, 70, 80, 90];
        var holt = TrendForecast.Holt(y, 1);
        var line = TrendForecast.Linear(y, 1);
        Assert.InRange(holt.Steps[0].Estimate, 95, 105);
        Assert.True(Math.Abs(holt.Steps[0].Estimate - 100) < Math.Abs(line.Steps[0].Estimate - 100));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(10)]
    public void The_interval_holds_the_estimate_and_widens_with_the_horizon(int n)
    {
        var f = TrendForecast.Forecast(Series(n, 20, 2, 3), 3);

        Assert.All(f.Steps, s => Assert.True(s.Lower < s.Estimate && s.Estimate < s.Upper));
        var widths = f.Steps.Select(s => s.Upper - s.Lower).ToList();
        Assert.True(widths[0] < widths[1] && widths[1] < widths[2], string.Join(", ", widths));
    }

    [Fact]
    public void The_linear_interval_is_the_textbook_one()
    {
        // y = 1, 3, 2, 4: slope 0.8, intercept 1.3, SSE 1.8, s = sqrt(0.9); at x = 4: 4.5 ± t(0.9; 2) · s · sqrt(1 + 1/4 + (4 − 1.5)²/5).
        var f = TrendForecast.Linear([1, 3, 2, 4], 1);
        var half = 1.8856180831641267 * Math.Sqrt(0.9) * Math.Sqrt(1 + 0.25 + 6.25 / 5);
        Assert.Equal(4.5, f.Steps[0].Estimate, 9);
        Assert.Equal(4.5 - half, f.Steps[0].Lower, 6);
        Assert.Equal(4.5 + half, f.Steps[0].Upper, 6);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Too_short_a_history_gets_no_forecast_at_all(int n)
    {
        var f = TrendForecast.Forecast([.. Enumerable.Repeat(5.0, n)], 3);
        Assert.Equal(ForecastMethod.none, f.Method);
        Assert.Empty(f.Steps);
        Assert.Null(f.Slope);
    }
}
