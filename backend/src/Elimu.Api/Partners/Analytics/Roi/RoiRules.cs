namespace Elimu.Api.Partners.Analytics.Roi;

/// <summary>The definitions the ROI figures share: one function per figure, so a page and an export agree.</summary>
public static class RoiRules
{
    /// <summary>A rise of at least this many points over the baseline average is "improving" (as the child views' flat band).</summary>
    public const decimal ImprovingPoints = 2m;

    /// <summary>The CBC rubric level of an average score: EE 80+, ME 60+, AE 40+, BE below (as levels are given to assessments).</summary>
    public static int RubricRank(decimal score) => score switch
    {
        >= 80 => 4,
        >= 60 => 3,
        >= 40 => 2,
        _ => 1,
    };

    /// <summary>Levels a child rose in an area from its baseline average to the span's (drops count as none).</summary>
    public static int LevelsGained(decimal baseline, decimal period) => Math.Max(0, RubricRank(period) - RubricRank(baseline));

    public static bool Improving(decimal baseline, decimal period) => period - baseline >= ImprovingPoints;

    public static decimal? Per(decimal amount, decimal divisor) => divisor == 0 ? null : Math.Round(amount / divisor, 2);

    public static decimal? Percent(decimal part, decimal whole) => whole == 0 ? null : Math.Round(part * 100m / whole, 1);
}
