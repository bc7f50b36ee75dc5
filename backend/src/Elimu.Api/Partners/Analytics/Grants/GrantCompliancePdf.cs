using System.Globalization;
using Elimu.Api.Common;
using Elimu.Api.Partners.Analytics.Export;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Finance.Grants;
using Elimu.Api.Partners.Profiles;
using PdfSharp.Drawing;

namespace Elimu.Api.Partners.Analytics.Grants;

/// <summary>
/// A grant's compliance report as a PDF under the partner's letterhead (as impact reports are): the grant, spend against
/// it per funded program, the children reached and their learning per program, for the reporting period.
/// </summary>
public static class GrantCompliancePdf
{
    public static byte[] Write(ComplianceFigures f, PartnerLetterhead head)
    {
        var g = f.Grant;
        var primary = LetterheadPages.Hex(head.PrimaryColor, "#1F2A44");
        var doc = new LetterheadPages(head, primary, $"Compliance report {g.Reference}", "Grant compliance report");
        string Amount(decimal amount) => Kes.Format(new Money(amount, g.Currency));

        doc.Heading("Grant compliance report", 20, primary);
        doc.Paragraph($"{g.Funder} · {g.Reference}: {f.Deadline.Title}", 11, bold: true);
        doc.Paragraph($"Reporting period {Day(f.From)} to {Day(f.To)} · due {Day(f.Deadline.DueDate)} · generated {Moment(f.GeneratedAt)} (Nairobi)", 8.5,
            color: XColors.Gray);
        doc.Gap(6);

        doc.Heading("The grant", 13, primary);
        doc.Figures([
            ("Funder", g.Funder),
            ("Reference", g.Reference),
            ("Amount", Amount(g.Amount)),
            ("Grant period", $"{Day(g.StartDate)} to {Day(g.EndDate)}"),
            ("Allocated to programs", Amount(g.Allocated)),
            ("Status", g.Status.ToString()),
        ], primary);

        var programs = f.Programs;
        doc.Heading("Spend against the grant", 13, primary);
        if (programs.Count == 0) doc.Paragraph("The grant is not allocated to any program yet, so no spend is counted against it.", 9.5);
        else
        {
            var spent = programs.Sum(p => p.Spent);
            doc.Table(["Program", "Allocated", "Spent in the period", "Of allocation"], [215, 100, 110, 90],
                [.. programs.Select(p => (IReadOnlyList<string>)[p.Name, Amount(p.Allocated), Amount(p.Spent), Share(p.Spent, p.Allocated)]),
                 ["Total", Amount(g.Allocated), Amount(spent), Share(spent, g.Allocated)]], primary);
            var other = Money.TotalsByCurrency(programs.SelectMany(p => p.OtherSpend));
            if (other.Count > 0)
                doc.Paragraph($"Also paid in other currencies, not converted: {string.Join(", ", other.Select(Kes.Format))}.", 8.5, color: XColors.Gray);
        }

        if (programs.Count > 0)
        {
            doc.Heading("Children reached", 13, primary);
            doc.Table(["Program", "Sponsored", "With consent", "Reached", "Engagement"], [215, 75, 75, 75, 75],
                [.. programs.Select(p => (IReadOnlyList<string>)[p.Name, N(p.Figures.ChildrenSponsored), N(p.Figures.ChildrenWithConsent),
                    N(p.Figures.ChildrenReached), $"{N(p.Figures.EngagementRate)}%"])], primary);

            doc.Heading("Learning per program", 13, primary);
            doc.Table(["Program", "Hours", "Sessions", "Lessons", "Assessments", "Average score", "Change"], [155, 50, 55, 50, 70, 70, 65],
                [.. programs.Select(p => (IReadOnlyList<string>)[p.Name, N(p.Figures.ActiveLearningHours), N(p.Figures.Sessions), N(p.Figures.LessonsCompleted),
                    N(p.Figures.Assessments), p.Figures.Assessments == 0 ? "—" : $"{N(p.Figures.AverageScore)}%",
                    p.Figures.Assessments == 0 ? "—" : $"{Signed(p.Figures.ScoreChange)} pts"])], primary);
        }
        doc.Paragraph("Spend is the completed payments for the programs' subscriptions received in the period. Children and learning are "
            + "counted as in the impact reports: only children whose guardians consented, and only while the program's monitoring runs; "
            + "a child in two of these programs is counted in each.", 7.5, color: XColors.Gray);
        return doc.Save();
    }

    private static string Share(decimal part, decimal whole) => whole == 0 ? "—" : $"{N(Math.Round(part * 100 / whole, 1))}%";

    private static string Day(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Moment(DateTime utc) => NairobiTime.ToNairobi(utc).ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    private static string N(int v) => v.ToString("#,0", CultureInfo.InvariantCulture);

    private static string N(decimal v) => v.ToString("#,0.#", CultureInfo.InvariantCulture);

    private static string Signed(decimal v) => v.ToString("+#,0.#;-#,0.#;0", CultureInfo.InvariantCulture);
}
