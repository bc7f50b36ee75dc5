using System.Globalization;
using Elimu.Api.Partners.Alerts;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Notifications;
using Elimu.Api.Platform.Notifications.Delivery;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Account.Digests;

/// <summary>
/// What a partner's digest says, each section from the service that owns its figures (never the tables): children needing
/// attention from the stored alerts, the week's learning per program through the learning gate, answers from Consent, payments from Finance.
/// The week's learning is the learning week ending on the period's last day. A section is left out when the member turned its category off, and payments when there are none due.
/// </summary>
public sealed class DigestContent(SponsoredChildReader sponsored, ConsentReader consent, ChildLearningGate gate, ConsentStats consents,
    BillingStats billing, AlertReader alerts)
{
    private const int NamesShown = 10;

    public async Task<MailDraft?> ComposeAsync(Guid partnerId, DigestFrequency frequency, DateOnly start, DateOnly end, TimeZoneInfo zone,
        IReadOnlySet<NotificationCategory> included, CancellationToken ct)
    {
        var sections = new List<MailSection>();
        if (included.Contains(NotificationCategory.child_alert))
        {
            // The stored alerts open when the digest is sent (the alerts page's "new" and "seen"), each with its reason.
            var open = await alerts.OpenAsync(partnerId, NamesShown + 1, ct);
            if (open.Count > 0)
            {
                var lines = open.Take(NamesShown).Select(a => $"{FirstAndInitial(a.ChildName)} ({a.ProgramName}): {a.Summary}").ToList();
                if (open.Count > NamesShown) lines.Add("… and more: see every alert in Elimu.");
                sections.Add(new MailSection("Children needing attention", lines));
            }
        }
        if (included.Contains(NotificationCategory.consent))
        {
            var answered = await consents.AnsweredBetweenAsync(partnerId, DigestPeriods.StartUtc(start, zone), DigestPeriods.StartUtc(end.AddDays(1), zone), ct);
            if (answered.Total > 0)
                sections.Add(new MailSection("Consents answered",
                    [$"{answered.Given} given", $"{answered.Declined} declined", $"{answered.Withdrawn} withdrawn"]));
        }
        if (included.Contains(NotificationCategory.payment))
        {
            var from = DigestPeriods.StartUtc(start, zone);
            var money = await billing.SummaryAsync(partnerId, from, DigestPeriods.StartUtc(end.AddDays(1), zone), start, end, ct);
            var due = money.Currencies.Where(c => c.PendingPayments > 0).ToList();
            if (due.Count > 0)
                sections.Add(new MailSection("Payments due", due.Select(c =>
                    $"{c.PendingPayments} payment(s) outstanding: {c.Outstanding.Amount.ToString("N2", CultureInfo.InvariantCulture)} {c.Currency}").ToList()));
        }
        if (included.Contains(NotificationCategory.report))
        {
            var cohorts = await ChildCohorts.ComputeAsync(new ChildFilter(null, null, null, null, null, null), partnerId, end, sponsored, consent, gate, ct);
            var lines = cohorts.Programs.Where(p => p.Children > 0).Select(p =>
                $"{p.ProgramName}: {p.Children} children, {p.Consented} with consent, "
                + (p.AverageMinutesThisWeek is { } m ? $"{m.ToString("0.#", CultureInfo.InvariantCulture)} minutes of learning on average this week, " : "")
                + $"{p.Alerts} inactive").ToList();
            if (lines.Count > 0) sections.Add(new MailSection("This week's learning by program", lines));
        }
        if (sections.Count == 0) return null;

        var span = frequency == DigestFrequency.daily ? start.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture)
            : $"{start.ToString("d MMM", CultureInfo.InvariantCulture)} – {end.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
        var title = frequency == DigestFrequency.daily ? "Your daily Elimu digest" : "Your weekly Elimu digest";
        return new MailDraft($"{title}: {span}", $"{title}, {span}", ["Here is what happened with the children you sponsor."],
            "/dashboard/partner", "Open your dashboard")
        {
            Sections = sections,
            PreferencesPath = Notifier.PartnerPreferencesPath,
        };
    }

    /// <summary>"Amina W.": a mail names a child by first name and initial, as the digest always has.</summary>
    private static string FirstAndInitial(string fullName)
    {
        var space = fullName.LastIndexOf(' ');
        return space > 0 ? $"{fullName[..space]} {fullName[(space + 1)..(space + 2)]}." : fullName;
    }
}
