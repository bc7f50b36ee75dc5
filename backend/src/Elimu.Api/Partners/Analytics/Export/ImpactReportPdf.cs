using System.Globalization;
using Elimu.Api.Common;
using Elimu.Api.Common.Charts;
using Elimu.Api.Partners.Finance.Documents;
using Elimu.Api.Partners.Profiles;
using PdfSharp.Drawing;

namespace Elimu.Api.Partners.Analytics.Export;

/// <summary>
/// An impact report as a PDF (PDFsharp, A4): the partner's logo, name and colours from its branding, the key figures,
/// the narrative with who wrote it, and charts drawn as images (<see cref="ChartImages"/>): learning minutes per week,
/// assessments at Meeting or above per learning area, and competency ratings. Continues on further pages as needed.
/// </summary>
public static class ImpactReportPdf
{
    public static byte[] Write(ImpactReportDetail r, PartnerLetterhead head)
    {
        EmbeddedFonts.EnsureInstalled();
        var primary = LetterheadPages.Hex(head.PrimaryColor, "#1F2A44");
        var secondary = LetterheadPages.Hex(head.SecondaryColor, "#8A94A6");
        var doc = new LetterheadPages(head, primary, r.Title, "Impact report");
        var m = r.Metrics;

        doc.Heading("Impact report", 20, primary);
        doc.Paragraph(r.Title, 11, bold: true);
        doc.Paragraph($"Period {Day(m.PeriodStart)} to {Day(m.PeriodEnd)} · {r.ReportType} · generated {Moment(r.CompletedAt ?? r.GeneratedAt)} (Nairobi)", 8.5, color: XColors.Gray);
        doc.Gap(6);

        doc.Heading("Key figures", 13, primary);
        doc.Figures([
            ("Children sponsored", N(m.ChildrenSponsored)),
            ("With guardian consent", N(m.ChildrenWithConsent)),
            ("Children reached", $"{N(m.ChildrenReached)} ({N(m.EngagementRate)}%)"),
            ("Active learning hours", N(m.ActiveLearningHours)),
            ("Minutes a week per child", N(m.AverageWeeklyMinutes)),
            ("Learning sessions", N(m.Sessions)),
            ("Lessons completed", N(m.LessonsCompleted)),
            ("Assessments", N(m.Assessments)),
            ("Average score", m.Assessments == 0 ? "—" : $"{N(m.AverageScore)}% ({Signed(m.ScoreChange)} pts)"),
            ("Achievements earned", N(m.AchievementsEarned)),
            ("Spend in the period", Kes.Format(new Money(m.AmountSpent, m.Currency))),
            ("Cost per child reached", m.CostPerChild is { } c ? Kes.Format(new Money(c, m.Currency)) : "—"),
        ], primary);

        doc.Heading("Summary", 13, primary);
        doc.Paragraph(Plain(r.Summary ?? ""), 9.5);
        doc.Heading("Highlights", 13, primary);
        foreach (var h in r.Highlights) doc.Paragraph("• " + Plain(h), 9.5);
        doc.Heading("Recommendations", 13, primary);
        foreach (var h in r.Recommendations) doc.Paragraph("• " + Plain(h), 9.5);
        doc.Paragraph($"Figures computed by Elimu from the records of children whose guardians consented. Narrative written by {r.Provider} ({r.Model})"
            + (r.NarrativeGeneratedAt is { } at ? $" on {Moment(at)} (Nairobi)." : "."), 7.5, color: XColors.Gray);

        var b = r.Breakdown;
        if (b.Weeks.Count > 0)
            doc.Chart(ChartImages.Lines("Learning minutes per week", [.. b.Weeks.Select(w => w.WeekStart.ToString("d MMM", CultureInfo.InvariantCulture))],
                [new ChartSeries("Minutes", [.. b.Weeks.Select(w => (double)w.Minutes)], Css(primary)),
                 new ChartSeries("Children active", [.. b.Weeks.Select(w => (double)w.ActiveChildren)], Css(secondary))], "Minutes / children"));
        if (b.Areas.Count > 0)
        {
            doc.Chart(ChartImages.Bars("Assessments at Meeting or Exceeding Expectations (%)", [.. b.Areas.Select(a => a.LearningArea)],
                [new ChartSeries("Previous period", [.. b.Areas.Select(a => (double)(a.PreviousMeetingOrAbove ?? 0))], Css(secondary)),
                 new ChartSeries("This period", [.. b.Areas.Select(a => (double)(a.MeetingOrAbove ?? 0))], Css(primary))], "%"));
            doc.Heading("Rubric levels per learning area", 13, primary);
            doc.Table(["Learning area", "Assessed", "EE", "ME", "AE", "BE", "Average", "Change"], [150, 55, 40, 40, 40, 40, 75, 75],
                b.Areas.Select(a => (IReadOnlyList<string>)[a.LearningArea, N(a.Assessments), N(a.Exceeding), N(a.Meeting), N(a.Approaching), N(a.Below),
                    a.AverageScore is { } s ? $"{N(s)}%" : "—",
                    a.AverageScore is { } now && a.PreviousAverageScore is { } before ? Signed(now - before) : "—"]).ToList(), primary);
        }
        if (b.Competencies.Count > 0)
            doc.Chart(ChartImages.Bars("Core competencies: average rating (1 = BE … 4 = EE)", [.. b.Competencies.Select(c => Competency(c.Competency))],
                [new ChartSeries("Previous period", [.. b.Competencies.Select(c => (double)(c.PreviousAverage ?? 0))], Css(secondary)),
                 new ChartSeries("This period", [.. b.Competencies.Select(c => (double)(c.Average ?? 0))], Css(primary))], "Rating"));
        return doc.Save();
    }

    private static string Competency(string code) => code.Replace("_and_", " & ").Replace('_', ' ') switch { var s => char.ToUpperInvariant(s[0]) + s[1..] };

    /// <summary>The narrative may hold simple Markdown; the PDF shows its words without the marks.</summary>
    private static string Plain(string markdown) => markdown.Replace("**", "").Replace("__", "").Replace("`", "");

    private static string Day(DateOnly? d) => d?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "";

    private static string Moment(DateTime utc) => NairobiTime.ToNairobi(utc).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string N(int v) => v.ToString("#,0", CultureInfo.InvariantCulture);

    private static string N(decimal v) => v.ToString("#,0.#", CultureInfo.InvariantCulture);

    private static string Signed(decimal v) => v.ToString("+#,0.#;-#,0.#;0", CultureInfo.InvariantCulture);

    private static string Css(XColor c) => $"#{c.R:X2}{c.G:X2}{c.B:X2}";
}
