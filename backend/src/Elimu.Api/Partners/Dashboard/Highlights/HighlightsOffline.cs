using System.Globalization;

namespace Elimu.Api.Partners.Dashboard;

/// <summary>
/// The Offline provider's highlights: candidate insights built from the facts, each with a weight for how much it
/// matters (a bigger change, more children affected), the strongest three to five kept in that order. Deterministic.
/// </summary>
internal static class HighlightsOffline
{
    public static List<string> Compose(HighlightFacts f)
    {
        if (f.ConsentedChildren == 0)
            return
            [
                "No sponsored child has active guardian consent yet, so there are no learning figures to highlight today.",
                "Learning highlights start as soon as a guardian agrees: ask for consent from the **Sponsored children** page.",
                "Children's data is shown only with a guardian's consent and while the program is approved and running.",
            ];

        var candidates = new List<(decimal Weight, string Text)>();
        var overall = Change(f.MinutesThisWeek, f.MinutesLastWeek);
        candidates.Add((overall is { } o ? Math.Min(Math.Abs(o), 100) / 2 + 10 : 10, overall switch
        {
            null when f.MinutesThisWeek == 0 => $"No learning minutes yet this week across your {f.ConsentedChildren} consented {Children(f.ConsentedChildren)}.",
            null => $"Your consented children learned **{N(f.MinutesThisWeek)} minutes** this week, after none the week before.",
            > 0 => $"Learning time is **up {N(overall.Value)}%** week on week: {N(f.MinutesThisWeek)} minutes against {N(f.MinutesLastWeek)}.",
            < 0 => $"Learning time is **down {N(-overall.Value)}%** week on week: {N(f.MinutesThisWeek)} minutes against {N(f.MinutesLastWeek)}.",
            _ => $"Learning time held steady at {N(f.MinutesThisWeek)} minutes this week.",
        }));

        if (f.Programs.Count > 1 && f.Programs.Where(p => p.MinutesChangePercent is not null).MaxBy(p => Math.Abs(p.MinutesChangePercent!.Value)) is { } moved
            && moved.MinutesChangePercent != 0)
            candidates.Add((Math.Min(Math.Abs(moved.MinutesChangePercent!.Value), 100) / 2 + 5, moved.MinutesChangePercent > 0
                ? $"**{moved.Program}** had the biggest rise in engagement: learning minutes up {N(moved.MinutesChangePercent.Value)}% on last week."
                : $"**{moved.Program}** had the biggest drop in engagement: learning minutes down {N(-moved.MinutesChangePercent.Value)}% on last week."));

        if (f.Programs.Where(p => p.InactiveChildren > 0).OrderByDescending(p => Share(p.InactiveChildren, p.ConsentedChildren))
                .ThenByDescending(p => p.InactiveChildren).FirstOrDefault() is { } idle)
        {
            var share = Share(idle.InactiveChildren, idle.ConsentedChildren);
            candidates.Add((share / 2 + 15, $"In **{idle.Program}**, {idle.InactiveChildren} of {idle.ConsentedChildren} consented children ({N(share)}%) have not learned for 7 days or more; a check-in with their guardians can help."));
        }

        if (f.NewlyInactiveChildren > 0)
        {
            var most = f.Programs.Where(p => p.NewlyInactiveChildren > 0).OrderByDescending(p => p.NewlyInactiveChildren).First();
            candidates.Add((20 + Math.Min(f.NewlyInactiveChildren, 30), f.NewlyInactiveChildren == 1
                ? $"1 child who learned last week has not learned this week (in **{most.Program}**)."
                : $"{f.NewlyInactiveChildren} children who learned last week have not learned this week, {most.NewlyInactiveChildren} of them in **{most.Program}**."));
        }

        if (f.LearningAreas.Where(a => a.ChangePoints is not null).MaxBy(a => Math.Abs(a.ChangePoints!.Value)) is { } area && area.ChangePoints != 0)
            candidates.Add((Math.Abs(area.ChangePoints!.Value) * 2 + 5, area.ChangePoints > 0
                ? $"Scores in **{area.LearningArea}** rose {N(area.ChangePoints.Value)} points to an average of {N(area.RecentAverage!.Value)}% over the last 4 weeks."
                : $"Scores in **{area.LearningArea}** fell {N(-area.ChangePoints.Value)} points to an average of {N(area.RecentAverage!.Value)}% over the last 4 weeks; extra practice there may help."));

        if (f.LearningAreas.Where(a => a.RecentAverage is not null).MinBy(a => a.RecentAverage) is { } low && f.LearningAreas.Count(a => a.RecentAverage is not null) > 1)
            candidates.Add((Math.Max(0, 70 - low.RecentAverage!.Value) / 2 + 3,
                $"**{low.LearningArea}** has the lowest recent average, {N(low.RecentAverage.Value)}% over {low.RecentAssessments} {Plural(low.RecentAssessments, "assessment")}."));

        if (f.Programs.Where(p => p.ConsentedChildren > 0).MaxBy(p => (decimal)p.MinutesThisWeek / p.ConsentedChildren) is { } busiest && busiest.MinutesThisWeek > 0)
            candidates.Add((2, $"**{busiest.Program}** is the most engaged program this week, with {N(Math.Round((decimal)busiest.MinutesThisWeek / busiest.ConsentedChildren, 1))} minutes per child."));

        var active = f.ConsentedChildren - f.InactiveChildren;
        candidates.Add((1, $"{active} of {f.ConsentedChildren} consented {Children(f.ConsentedChildren)} ({N(Share(active, f.ConsentedChildren))}%) learned in the last 7 days."));

        candidates.Add((0, "Consistent short sessions beat occasional long ones: a weekly reminder to guardians keeps the habit alive."));

        return candidates.Select((c, i) => (c.Weight, c.Text, i)).OrderByDescending(c => c.Weight).ThenBy(c => c.i)
            .Select(c => c.Text).Distinct().Take(DashboardHighlightsTask.MaxItems)
            .Select(t => t.Length <= DashboardHighlightsTask.ItemMax ? t : t[..(DashboardHighlightsTask.ItemMax - 1)] + "…").ToList();
    }

    private static decimal? Change(int now, int before) => before == 0 ? null : Math.Round((now - before) * 100m / before, 1);

    private static decimal Share(int part, int whole) => whole == 0 ? 0 : Math.Round(part * 100m / whole, 1);

    private static string Children(int n) => n == 1 ? "child" : "children";

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";

    private static string N(decimal value) => value.ToString("#,0.#", CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
