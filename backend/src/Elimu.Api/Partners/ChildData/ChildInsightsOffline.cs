using System.Globalization;
using Elimu.Api.Platform.Learning.Insights;

namespace Elimu.Api.Partners.ChildData;

/// <summary>
/// The Offline provider's child insight: written from the computed signals alone, with the template chosen by what the
/// facts say (not started, away, slipping, steady, thriving) and the wording varied by a stable hash of the facts, so
/// the same child on the same figures reads the same, and two children rarely read alike.
/// </summary>
internal static class ChildInsightsOffline
{
    public static ChildInsight Compose(ChildInsightFacts f)
    {
        var variant = Variant(f);
        var away = f.Warnings.FirstOrDefault(w => w.Code == WarningCodes.Inactive7Days);
        var falling = f.Warnings.FirstOrDefault(w => w.Code == WarningCodes.ScoreFalling);
        var goals = f.Warnings.Where(w => w.Code == WarningCodes.GoalAtRisk).ToList();

        var opening = f.Sessions == 0 && away is not null && f.StrongestArea is null
            ? Pick(variant,
                $"{f.Child} has not started learning on the platform yet, so there is nothing to measure so far.",
                $"There is no learning recorded for {f.Child} yet: the first sessions will show how the child learns.")
            : away is not null
            ? Pick(variant,
                $"{f.Child} has stepped away from learning: {Lower(away.Message)}",
                $"The learning habit of {f.Child} has paused. {away.Message}")
            : falling is not null
            ? Pick(variant,
                $"{f.Child} keeps learning, but recent results are slipping. {falling.Message}",
                $"Assessment results of {f.Child} are going down. {falling.Message} The effort is there; the material may be moving too fast.")
            : f.StrongestArea is { } best && best.LatestScore >= 75
            ? Pick(variant,
                $"{f.Child} is doing well: {Area(best)} is a clear strength, and the learning habit is holding.",
                $"Good news for {f.Child}: the latest results in {Area(best)} show the child thriving.")
            : Pick(variant,
                $"{f.Child} is learning steadily, with {f.Sessions} {Plural(f.Sessions, "session")} in the last {f.DaysConsidered} days.",
                $"Over the last {f.DaysConsidered} days {f.Child} learned in {f.Sessions} {Plural(f.Sessions, "session")}, a steady rhythm to build on.");

        var detail = new List<string>();
        if (f.Sessions > 0)
            detail.Add($"Sessions last about {Num(f.AverageSessionMinutes)} minutes, {Num(f.WeekdayPercent)}% of the time on weekdays.");
        if (f.WeakestArea is { } weak)
            detail.Add($"The area needing most support is {Area(weak)}.");
        if (goals.Count > 0)
            detail.Add($"{goals.Count} {Plural(goals.Count, "goal")} {(goals.Count == 1 ? "is" : "are")} at risk.");
        var narrative = detail.Count == 0 ? opening : $"{opening}\n\n{string.Join(' ', detail)}";

        return new ChildInsight(Cut(narrative, ChildInsightsTask.NarrativeMax), Cut(Style(f), ChildInsightsTask.StyleMax),
            Strengths(f).Take(ChildInsightsTask.MaxItems).Select(Item).ToList(),
            Risks(f).Take(ChildInsightsTask.MaxItems).Select(Item).ToList(), Tips(f).Select(Item).ToList());
    }

    private static string Style(ChildInsightFacts f)
    {
        if (f.Sessions == 0 || f.PreferredTimeOfDay is null)
            return "Not known yet: the learning style shows after a few sessions.";
        var when = f.WeekendPercent >= 50 ? "mostly at weekends" : f.WeekendPercent >= 25 ? "across the whole week" : "mostly on school days";
        var length = f.AverageSessionMinutes switch
        {
            < SupportTips.ShortSessionMinutes => "short bursts",
            < 35 => "focused sittings",
            _ => "long, deep sittings",
        };
        var article = f.PreferredTimeOfDay is "afternoon" or "evening" ? "An" : "A";
        return $"{article} {f.PreferredTimeOfDay} learner who studies {when}, in {length} of about {Num(f.AverageSessionMinutes)} minutes.";
    }

    private static IEnumerable<string> Strengths(ChildInsightFacts f)
    {
        var any = false;
        if (f.StrongestArea is { } best) { any = true; yield return $"Strongest area: {PlainArea(best)}."; }
        if (f.Sessions >= 12) { any = true; yield return $"A regular habit: {f.Sessions} sessions in {f.DaysConsidered} days."; }
        if (f.Sessions > 0 && f.AverageSessionMinutes >= 20) { any = true; yield return $"Keeps focus for about {Num(f.AverageSessionMinutes)} minutes a session."; }
        if (!any)
            yield return f.Sessions > 0
                ? $"Has made a start with {f.Sessions} {Plural(f.Sessions, "session")}; strengths will show once assessments come in."
                : "Too early to name a strength: no sessions or assessments yet.";
    }

    private static IEnumerable<string> Risks(ChildInsightFacts f)
    {
        foreach (var w in f.Warnings.OrderBy(w => w.Severity == "high" ? 0 : w.Severity == "medium" ? 1 : 2))
            yield return w.Message;
        if (f.WeakestArea is { RubricLevel: "AE" or "BE" } weak && f.Warnings.All(w => w.Code != WarningCodes.ScoreFalling))
            yield return $"{weak.Name} is {weak.RubricWords.ToLowerInvariant()} ({Num(weak.LatestScore)}%).";
    }

    /// <summary>Exactly three: the computed tips first (most urgent first), then general ones that fit the facts.</summary>
    private static IEnumerable<string> Tips(ChildInsightFacts f)
    {
        var general = new List<string>
        {
            f.Sessions == 0
                ? "Sit with the child for the first lesson: a good start matters more than a long one."
                : "Ask the child to show you one thing learned this week; explaining it back helps it stick.",
            "Agree on a regular time and a quiet place for learning with the child and the guardian.",
            "Praise effort and steady practice, not only scores.",
        };
        return f.ComputedTips.Concat(general).Distinct().Take(ChildInsightsTask.TipCount);
    }

    private static string Area(ChildInsightArea a) => $"**{a.Name}** ({Num(a.LatestScore)}%, {a.RubricWords})";

    /// <summary>Lists are shown as plain text: no Markdown in them.</summary>
    private static string PlainArea(ChildInsightArea a) => $"{a.Name} ({Num(a.LatestScore)}%, {a.RubricWords})";

    private static int Variant(ChildInsightFacts f)
    {
        // A stable hash (string.GetHashCode differs per process): the same facts always read the same.
        var json = Elimu.Api.Ai.AiFacts.Json(f);
        var h = 17;
        foreach (var c in json) h = unchecked(h * 31 + c);
        return h & 0x7fffffff;
    }

    private static string Pick(int variant, params string[] options) => options[variant % options.Length];

    private static string Lower(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";

    private static string Num(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Item(string s) => Cut(s, ChildInsightsTask.ItemMax);

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";
}
