using System.Globalization;
using Elimu.Api.Common;
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
/// attention and the week's learning per program through the learning gate, answers from Consent, payments from Finance.
/// The week's learning is the learning week ending on the period's last day. A section is left out when the member turned its category off, and payments when there are none due.
/// </summary>
public sealed class DigestContent(SponsoredChildReader sponsored, ConsentReader consent, ChildLearningGate gate, ConsentStats consents,
    BillingStats billing, TimeProvider clock)
{
    private const int NamesShown = 10;

    public async Task<MailDraft?> ComposeAsync(Guid partnerId, DigestFrequency frequency, DateOnly start, DateOnly end, TimeZoneInfo zone,
        IReadOnlySet<NotificationCategory> included, CancellationToken ct)
    {
        var sections = new List<MailSection>();
        if (included.Contains(NotificationCategory.child_alert))
        {
            // As things stand when the digest is sent (the dashboard's alert), not as they stood at the period's end.
            var alerting = gate.AlertingChildIds(partnerId, NairobiTime.Today(clock));
            var names = await sponsored.OfPartner(partnerId).Where(c => alerting.Contains(c.Id))
                .OrderBy(c => c.FirstName).ThenBy(c => c.Id)
                .Select(c => new { c.FirstName, c.LastName, c.ProgramName }).Take(NamesShown + 1).ToListAsync(ct);
            if (names.Count > 0)
            {
                var lines = names.Take(NamesShown).Select(n => $"{n.FirstName} {Initial(n.LastName)} ({n.ProgramName}): no learning for 7 days or more").ToList();
                if (names.Count > NamesShown) lines.Add("… and more: see the full list in Elimu.");
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

    private static string Initial(string lastName) => lastName.Length > 0 ? lastName[..1] + "." : "";
}
