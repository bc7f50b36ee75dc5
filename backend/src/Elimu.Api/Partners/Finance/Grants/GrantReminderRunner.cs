using System.Globalization;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Finance.Grants;

/// <summary>
/// Tells a partner a report is due: for each deadline not yet submitted, of a grant not closed, the reminder of the
/// tightest window it is in (14, then 3 days before by default). The <see cref="SentGrantReminder"/> row and the
/// notifications are saved together; when another run saved the same reminder first, its unique key refuses this one.
/// A deadline added inside a window gets that window's reminder only, never the wider ones it missed.
/// </summary>
public sealed class GrantReminderRunner(IServiceScopeFactory scopes, GrantReminderOptions options, TimeProvider clock, ILogger<GrantReminderRunner> log)
{
    public const string Link = "/dashboard/partner/grants";

    /// <summary>How many reminders this run sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        if (options.DaysBefore.Count == 0) return 0;
        var today = NairobiTime.Today(clock);
        var last = today.AddDays(options.DaysBefore[0]);
        List<Due> due;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            due = await db.GrantDeadlines.AsNoTracking()
                .Where(d => !d.Submitted && d.DueDate >= today && d.DueDate <= last)
                .Join(db.PartnerGrants.Where(g => g.Status != GrantStatus.closed), d => d.GrantId, g => g.Id,
                    (d, g) => new Due(d.Id, d.DueDate, d.Title, g.Id, g.PartnerId, g.Funder, g.Reference))
                .ToListAsync(ct);
        }
        var sent = 0;
        foreach (var d in due)
        {
            var left = d.DueDate.DayNumber - today.DayNumber;
            var window = options.DaysBefore.Where(w => left <= w).Min();
            try
            {
                if (await SendAsync(d, window, left, ct)) sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not send the reminder of grant deadline {DeadlineId}", d.DeadlineId);
            }
        }
        return sent;
    }

    private async Task<bool> SendAsync(Due d, int window, int left, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.SentGrantReminders.AnyAsync(r => r.DeadlineId == d.DeadlineId && r.DaysBefore == window, ct)) return false;
        db.SentGrantReminders.Add(new SentGrantReminder { DeadlineId = d.DeadlineId, DaysBefore = window, SentAt = clock.GetUtcNow().UtcDateTime });
        var when = left switch { 0 => "today", 1 => "tomorrow", _ => $"in {left} days" };
        await sp.GetRequiredService<Notifier>().NotifyPartnerAsync(d.PartnerId, new NotificationDraft(NotificationCategory.report,
            $"Grant report due {when}: {d.Title}",
            $"{d.Title} for {d.Funder} ({d.Reference}) is due on {d.DueDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. Upload it on the grant's page.",
            $"{Link}?grant={d.GrantId}"), ct);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException e) when (DatabaseConflicts.IsUniqueViolation(e))
        {
            return false; // another run sent this reminder first
        }
    }

    private sealed record Due(Guid DeadlineId, DateOnly DueDate, string Title, Guid GrantId, Guid PartnerId, string Funder, string Reference);
}
