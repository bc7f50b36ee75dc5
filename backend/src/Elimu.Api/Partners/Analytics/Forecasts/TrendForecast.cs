using MathNet.Numerics.Distributions;

namespace Elimu.Api.Partners.Analytics.Forecasts;

/// <summary>How a series was forecast: <c>none</c> when its history is too short to say anything honest.</summary>
public enum ForecastMethod { none, linear_trend, holt }

/// <summary>One step ahead of the history: the estimate and its prediction interval (<see cref="TrendForecast.Coverage"/>).</summary>
public sealed record ForecastStep(int Step, double Estimate, double Lower, double Upper);

/// <param name="Slope">The fitted change per term (the last smoothed trend for Holt's method).</param>
/// <param name="Sigma">The standard deviation of the one-step errors (residuals for the linear trend).</param>
/// <param name="Alpha">Holt's level smoothing, chosen by least squares; null for the linear trend.</param>
/// <param name="Beta">Holt's trend smoothing (β*, on the level's change); null for the linear trend.</param>
public sealed record SeriesForecast(ForecastMethod Method, int HistoryLength, double? Slope, double? Sigma, double? Alpha, double? Beta,
    IReadOnlyList<ForecastStep> Steps)
{
    public static SeriesForecast None(int history) => new(ForecastMethod.none, history, null, null, null, null, []);
}

/// <summary>
/// Forecasts a short, evenly spaced series (one value per school term) with the method its length allows: fewer than
/// <see cref="MinHistory"/> points give no forecast; up to <see cref="HoltMinHistory"/> − 1 points a least-squares
/// linear trend with the classical prediction interval (Student's t on n − 2 degrees of freedom, wider for steps further
/// from the data); from <see cref="HoltMinHistory"/> points Holt's linear exponential smoothing, its two parameters
/// chosen on a grid by the sum of squared one-step errors, with the interval of the equivalent ETS(A,A,N) model:
/// variance σ²(1 + Σ_{j=1}^{h−1} α²(1 + jβ*)²). Either way the interval widens with the horizon.
/// </summary>
public static class TrendForecast
{
    public const int MinHistory = 3;
    public const int HoltMinHistory = 8;

    /// <summary>The intervals cover 80% of outcomes if the model holds: wide enough to be honest, narrow enough to be read.</summary>
    public const double Coverage = 0.80;

    public static SeriesForecast Forecast(IReadOnlyList<double> history, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        if (history.Count < MinHistory) return SeriesForecast.None(history.Count);
        return history.Count < HoltMinHistory ? Linear(history, horizon) : Holt(history, horizon);
    }

    public static SeriesForecast Linear(IReadOnlyList<double> y, int horizon)
    {
        var n = y.Count;
        var xMean = (n - 1) / 2.0;
        var yMean = y.Average();
        double sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            sxx += (i - xMean) * (i - xMean);
            sxy += (i - xMean) * (y[i] - yMean);
        }
        var slope = sxy / sxx;
        var intercept = yMean - slope * xMean;
        var sse = 0.0;
        for (var i = 0; i < n; i++) sse += Math.Pow(y[i] - (intercept + slope * i), 2);
        var s = Math.Sqrt(sse / (n - 2));
        var t = StudentT.InvCDF(0, 1, n - 2, 1 - (1 - Coverage) / 2);
        var steps = Enumerable.Range(1, horizon).Select(h =>
        {
            var x = n - 1 + h;
            var estimate = intercept + slope * x;
            var half = t * s * Math.Sqrt(1 + 1.0 / n + (x - xMean) * (x - xMean) / sxx);
            return new ForecastStep(h, estimate, estimate - half, estimate + half);
        }).ToList();
        return new SeriesForecast(ForecastMethod.linear_trend, n, slope, s, null, null, steps);
    }

    public static SeriesForecast Holt(IReadOnlyList<double> y, int horizon)
    {
        (double Sse, double Level, double Trend, int Errors) best = (double.PositiveInfinity, 0, 0, 0);
        double bestAlpha = 0, bestBeta = 0;
        for (var a = 1; a <= 19; a++)
            for (var b = 1; b <= 19; b++)
            {
                var run = Smooth(y, a / 20.0, b / 20.0);
                if (run.Sse < best.Sse - 1e-12) { best = run; bestAlpha = a / 20.0; bestBeta = b / 20.0; }
            }
        // Two parameters were fitted on the errors: they cost two degrees of freedom, as in the linear trend.
        var sigma = Math.Sqrt(best.Sse / Math.Max(1, best.Errors - 2));
        var z = Normal.InvCDF(0, 1, 1 - (1 - Coverage) / 2);
        var steps = new List<ForecastStep>();
        var variance = 0.0;
        for (var h = 1; h <= horizon; h++)
        {
            var c = h == 1 ? 0 : bestAlpha * (1 + (h - 1) * bestBeta);
            variance += c * c;
            var estimate = best.Level + h * best.Trend;
            var half = z * sigma * Math.Sqrt(1 + variance);
            steps.Add(new ForecastStep(h, estimate, estimate - half, estimate + half));
        }
        return new SeriesForecast(ForecastMethod.holt, y.Count, best.Trend, sigma, bestAlpha, bestBeta, steps);
    }

    /// <summary>Level and trend start from the first two points; the one-step errors are counted from the third.</summary>
    private static (double Sse, double Level, double Trend, int Errors) Smooth(IReadOnlyList<double> y, double alpha, double beta)
    {
        var level = y[1];
        var trend = y[1] - y[0];
        var sse = 0.0;
        for (var t = 2; t < y.Count; t++)
        {
            var predicted = level + trend;
            sse += Math.Pow(y[t] - predicted, 2);
            var previous = level;
            level = alpha * y[t] + (1 - alpha) * predicted;
            trend = beta * (level - previous) + (1 - beta) * trend;
        }
        return (sse, level, trend, y.Count - 2);
    }
}
