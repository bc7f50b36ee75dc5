using System.Globalization;

namespace Elimu.Api.Partners.Analytics;

/// <summary>
/// The Offline provider's narrative of an impact report, built from the facts alone: the summary states the period's
/// reach, learning and spend; highlights and recommendations are candidates weighed by how much they matter (the
/// biggest movement first), so two different reports read differently. Deterministic.
/// </summary>
internal static class ImpactReportOffline
{
    public static ImpactNarrative Compose(ImpactReportFacts f)
    {
        if (f.ChildrenWithConsent == 0)
            return new ImpactNarrative(
                $"Between {Day(f.From)} and {Day(f.To)}, none of the {N(f.ChildrenSponsored)} children sponsored in {f.Program} had a guardian's active consent, "
                + "so the report holds no learning figures. " + Spend(f),
                [
                    $"{N(f.ChildrenSponsored)} {Children(f.ChildrenSponsored)} sponsored in the period.",
                    $"{Money(f.AmountSpent, f.Currency)} paid in the period.",
                    "Learning figures appear as soon as guardians consent.",
                ],
                [
                    "Ask guardians for consent from the Sponsored children page: figures start with the first answer.",
                    "Check that the program is approved and active, so children's learning can be shown.",
                ]);

        var summary = $"Between {Day(f.From)} and {Day(f.To)}, {N(f.ChildrenReached)} of the {N(f.ChildrenWithConsent)} consented children in {f.Program} "
            + $"learned on Elimu ({N(f.EngagementRatePercent)}% reached), for {N(f.ActiveLearningHours)} hours in {N(f.Sessions)} sessions, "
            + $"about {N(f.AverageWeeklyMinutesPerChild)} minutes a week per child. They completed {N(f.LessonsCompleted)} {Plural(f.LessonsCompleted, "lesson")} "
            + $"and earned {N(f.AchievementsEarned)} {Plural(f.AchievementsEarned, "achievement")}. "
            + (f.AverageScore is { } score
                ? $"Across {N(f.Assessments)} {Plural(f.Assessments, "assessment")} the average score was {N(score)}%"
                  + (f.PreviousAverageScore is { } before ? $" ({Signed(score - before)} points on the previous period)." : ".")
                : "No assessment was recorded in the period.")
            + " " + Spend(f);

        var highlights = new List<(decimal Weight, string Text)>
        {
            (50, $"{N(f.ChildrenReached)} of {N(f.ChildrenWithConsent)} consented children reached ({N(f.EngagementRatePercent)}%), {N(f.ActiveLearningHours)} learning hours in total."),
        };
        if (f.AverageScore is { } avg && f.PreviousAverageScore is { } prev && avg != prev)
            highlights.Add((Math.Abs(avg - prev) * 3 + 10, avg > prev
                ? $"The average assessment score rose {N(avg - prev)} points to {N(avg)}%."
                : $"The average assessment score fell {N(prev - avg)} points to {N(avg)}%."));
        foreach (var a in f.LearningAreas.Where(a => a.MeetingOrAbove is not null))
        {
            var moved = a.PreviousMeetingOrAbove is { } p ? a.MeetingOrAbove!.Value - p : (decimal?)null;
            highlights.Add((moved is { } m ? Math.Abs(m) + 5 : a.MeetingOrAbove!.Value / 10, moved switch
            {
                > 0 => $"In {a.LearningArea}, {N(a.MeetingOrAbove!.Value)}% of assessments were at Meeting or Exceeding Expectations, up {N(moved.Value)} points.",
                < 0 => $"In {a.LearningArea}, {N(a.MeetingOrAbove!.Value)}% of assessments were at Meeting or Exceeding Expectations, down {N(-moved.Value)} points.",
                _ => $"In {a.LearningArea}, {N(a.MeetingOrAbove!.Value)}% of {N(a.Assessments)} assessments were at Meeting or Exceeding Expectations.",
            }));
        }
        if (f.Competencies.Where(c => c.Average is not null && c.PreviousAverage is not null).MaxBy(c => c.Average!.Value - c.PreviousAverage!.Value) is { } grew
            && grew.Average > grew.PreviousAverage)
            highlights.Add((8, $"{Competency(grew.Competency)} grew most among the core competencies, to {N(grew.Average!.Value)} of 4."));
        if (f.AchievementsEarned > 0) highlights.Add((6, $"{N(f.AchievementsEarned)} {Plural(f.AchievementsEarned, "achievement")} (certificates, badges, milestones) earned."));
        if (f.CostPerChildReached is { } cost) highlights.Add((7, $"{Money(f.AmountSpent, f.Currency)} invested: {Money(cost, f.Currency)} per child reached."));

        var recommendations = new List<(decimal Weight, string Text)>();
        var unreached = f.ChildrenWithConsent - f.ChildrenReached;
        if (unreached > 0)
            recommendations.Add((unreached * 100m / f.ChildrenWithConsent + 10,
                $"Follow up with the guardians of the {N(unreached)} consented {Children(unreached)} who did not learn in the period; a device or data bundle is often the obstacle."));
        if (f.LearningAreas.Where(a => a.MeetingOrAbove is not null).MinBy(a => a.MeetingOrAbove) is { } weak && weak.MeetingOrAbove < 70)
            recommendations.Add((70 - weak.MeetingOrAbove!.Value + 5,
                $"{weak.LearningArea} has the fewest assessments at Meeting or above ({N(weak.MeetingOrAbove!.Value)}%): plan a focused club session or resource for it."));
        if (f.Weeks.Count >= 2 && f.Weeks[^1].Minutes < f.Weeks[0].Minutes * 0.8m)
            recommendations.Add((20, "Learning time fell towards the end of the period: a weekly reminder to guardians helps keep the habit."));
        if (f.ChildrenWithConsent < f.ChildrenSponsored)
            recommendations.Add((10, $"{N(f.ChildrenSponsored - f.ChildrenWithConsent)} sponsored {Children(f.ChildrenSponsored - f.ChildrenWithConsent)} have no active consent: ask their guardians so the next report counts them."));
        recommendations.Add((1, "Keep assessing every fortnight so the next report shows movement in every learning area."));
        recommendations.Add((0, "Share this report with your program team and donors, and set one goal per learning area for the next period."));

        return new ImpactNarrative(Cut(summary, ImpactReportTask.SummaryMax), Top(highlights, 5), Top(recommendations, 4));
    }

    private static List<string> Top(List<(decimal Weight, string Text)> items, int count) =>
        items.Select((c, i) => (c.Weight, c.Text, i)).OrderByDescending(c => c.Weight).ThenBy(c => c.i).Select(c => Cut(c.Text, ImpactReportTask.ItemMax))
            .Distinct().Take(count).ToList();

    private static string Spend(ImpactReportFacts f) => f.CostPerChildReached is { } cost
        ? $"{Money(f.AmountSpent, f.Currency)} was paid in the period, {Money(cost, f.Currency)} per child reached."
        : $"{Money(f.AmountSpent, f.Currency)} was paid in the period.";

    private static string Competency(string code) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(code.Replace("_and_", " and ").Replace('_', ' ')) switch
    {
        var s => s.Replace(" And ", " and "),
    };

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Children(int n) => n == 1 ? "child" : "children";

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";

    private static string Signed(decimal value) => value.ToString("+#,0.#;-#,0.#;0", CultureInfo.InvariantCulture);

    private static string N(decimal value) => value.ToString("#,0.#", CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    internal static string Money(decimal amount, string currency) => $"{currency} {amount.ToString("#,0.00", CultureInfo.InvariantCulture)}";
}
