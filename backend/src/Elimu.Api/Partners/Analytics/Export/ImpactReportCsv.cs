using System.Globalization;
using Elimu.Api.Common;

namespace Elimu.Api.Partners.Analytics.Export;

/// <summary>
/// An impact report as CSV (UTF-8 with BOM, through <see cref="SpreadsheetCsv"/>): one row per figure, in sections
/// (report, figures, learning areas, competencies, weeks, narrative), so it opens as one readable table in a spreadsheet.
/// </summary>
public static class ImpactReportCsv
{
    public static byte[] Write(ImpactReportDetail r)
    {
        var m = r.Metrics;
        var rows = new List<object?[]>
        {
            Row("report", "title", r.Title),
            Row("report", "program", r.ProgramName ?? "All programs"),
            Row("report", "period", r.ReportType.ToString()),
            Row("report", "from", m.PeriodStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Row("report", "to", m.PeriodEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Row("report", "generated_at_utc", (r.CompletedAt ?? r.GeneratedAt).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            Row("figures", "children_sponsored", N(m.ChildrenSponsored)),
            Row("figures", "children_with_consent", N(m.ChildrenWithConsent)),
            Row("figures", "children_reached", N(m.ChildrenReached)),
            Row("figures", "engagement_rate_percent", N(m.EngagementRate)),
            Row("figures", "active_learning_hours", N(m.ActiveLearningHours)),
            Row("figures", "average_weekly_minutes_per_child", N(m.AverageWeeklyMinutes)),
            Row("figures", "sessions", N(m.Sessions)),
            Row("figures", "lessons_completed", N(m.LessonsCompleted)),
            Row("figures", "assessments", N(m.Assessments)),
            Row("figures", "average_score_percent", N(m.AverageScore)),
            Row("figures", "score_change_points", N(m.ScoreChange)),
            Row("figures", "rubric_ee", N(m.RubricExceeding)),
            Row("figures", "rubric_me", N(m.RubricMeeting)),
            Row("figures", "rubric_ae", N(m.RubricApproaching)),
            Row("figures", "rubric_be", N(m.RubricBelow)),
            Row("figures", "achievements_earned", N(m.AchievementsEarned)),
            Row("figures", "amount_spent", N(m.AmountSpent), m.Currency),
            Row("figures", "cost_per_child_reached", m.CostPerChild is { } cost ? N(cost) : null, m.Currency),
        };
        foreach (var a in r.Breakdown.Areas)
        {
            rows.Add(Row("learning_area", a.LearningArea, N(a.Assessments), "assessments"));
            rows.Add(Row("learning_area", a.LearningArea, a.AverageScore is { } s ? N(s) : null, "average_score_percent"));
            rows.Add(Row("learning_area", a.LearningArea, a.PreviousAverageScore is { } p ? N(p) : null, "previous_average_score_percent"));
            rows.Add(Row("learning_area", a.LearningArea, $"{a.Exceeding}/{a.Meeting}/{a.Approaching}/{a.Below}", "rubric_ee_me_ae_be"));
            rows.Add(Row("learning_area", a.LearningArea, $"{a.PreviousExceeding}/{a.PreviousMeeting}/{a.PreviousApproaching}/{a.PreviousBelow}", "previous_rubric_ee_me_ae_be"));
        }
        foreach (var c in r.Breakdown.Competencies)
            rows.Add(Row("competency", c.Competency, c.Average is { } v ? N(v) : null, c.PreviousAverage is { } p ? "previous " + p.ToString("0.##", CultureInfo.InvariantCulture) : "previous none"));
        foreach (var w in r.Breakdown.Weeks)
            rows.Add(Row("week", w.WeekStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), N(w.Minutes), $"{w.ActiveChildren} children active"));
        rows.Add(Row("narrative", "summary", r.Summary));
        rows.AddRange(r.Highlights.Select(h => Row("narrative", "highlight", h)));
        rows.AddRange(r.Recommendations.Select(h => Row("narrative", "recommendation", h)));
        rows.Add(Row("narrative", "written_by", $"{r.Provider} ({r.Model})",
            r.NarrativeGeneratedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
        using var stream = new MemoryStream();
        using (var csv = SpreadsheetCsv.CreateWriter(stream))
        {
            SpreadsheetCsv.WriteRecord(csv, ["section", "name", "value", "detail"]);
            foreach (var row in rows)
            {
                // Numbers are written typed, as they are (a score change of -2.5 stays a number); text goes through the formula guard.
                foreach (var cell in row)
                    if (cell is decimal d) csv.WriteField(d);
                    else csv.WriteField(SpreadsheetCsv.Neutralise(cell as string ?? ""));
                csv.EndRecord();
            }
        }
        return stream.ToArray();
    }

    private static object?[] Row(string section, string name, object? value, string? detail = null) => [section, name, value, detail];

    private static decimal N(int v) => v;

    private static decimal N(decimal v) => decimal.Parse(v.ToString("0.##", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
