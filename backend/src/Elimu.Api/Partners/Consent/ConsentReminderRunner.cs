using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Partners.Consent;

/// <summary>
/// Reminds guardians of requests they have not answered: on each day of <see cref="ConsentRequestOptions.ReminderStages"/>
/// (day 3, day 10, three days before expiry by default), by the notification channels (in-app, email and text as the
/// guardian's preferences allow). Only the latest stage due is sent, so a job that was down does not send a burst of
/// old reminders; never for an answered or expired request, nor for a request the guardian cannot see (program not
/// running, child removed). The <see cref="ConsentReminder"/> row and the notification are saved together; a unique key
/// refuses a second run's copy.
/// </summary>
public sealed class ConsentReminderRunner(IServiceScopeFactory scopes, IOptions<ConsentRequestOptions> options, TimeProvider clock,
    ILogger<ConsentReminderRunner> log)
{
    /// <summary>How many reminders this run sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var o = options.Value;
        var stages = o.ReminderStages;
        if (stages.Count == 0) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var expiredBefore = o.ExpiredBefore(now);
        var firstDue = now - TimeSpan.FromDays(stages[0]);
        List<Pending> pending;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var enrolments = scope.ServiceProvider.GetRequiredService<EnrolmentReader>();
            pending = await (from k in db.SponsorshipConsents.AsNoTracking()
                             where k.ConsentGiven == null && k.RevokedAt == null && k.RequestedAt >= expiredBefore && k.RequestedAt <= firstDue
                             join c in enrolments.All() on k.SponsoredChildId equals c.Id
                             where c.ProgramApprovedAt != null && k.RequestedAt >= c.ProgramApprovedAt && c.Status != SponsoredChildStatus.REMOVED
                                 && ProgramLifecycle.ExposesChildData.Contains(c.ProgramStatus)
                             select new Pending(k.Id, k.ParentId, k.RequestedAt, k.Shown,
                                 db.ConsentReminders.Where(r => r.ConsentId == k.Id).Select(r => r.Day).ToList()))
                .ToListAsync(ct);
        }
        var sent = 0;
        foreach (var request in pending)
        {
            var day = stages.LastOrDefault(s => request.RequestedAt + TimeSpan.FromDays(s) <= now);
            if (day == 0 || request.SentDays.Contains(day)) continue;
            try
            {
                if (await SendAsync(request, day, o, ct)) sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not send the reminder of consent request {ConsentId}", request.Id);
            }
        }
        return sent;
    }

    private async Task<bool> SendAsync(Pending request, int day, ConsentRequestOptions o, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        // Answered since the scan: no reminder after an answer.
        if (!await db.SponsorshipConsents.AnyAsync(k => k.Id == request.Id && k.ConsentGiven == null && k.RevokedAt == null, ct)) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        db.ConsentReminders.Add(new ConsentReminder { ConsentId = request.Id, Day = day, SentAt = now });
        var left = Math.Max(0, (int)Math.Ceiling((o.ExpiresAt(request.RequestedAt) - now).TotalDays));
        var who = request.Shown?.PartnerName ?? "A sponsor";
        var what = request.Shown?.ProgramName is { } p ? $" through \"{p}\"" : "";
        await sp.GetRequiredService<Notifier>().NotifyAsync(request.ParentId, new NotificationDraft(NotificationCategory.consent,
            $"Reminder: {who} is waiting for your answer",
            $"{who} asked for your consent to follow your child's learning{what}. The request expires in {Days(left)}; agree or decline before then.",
            $"/dashboard/parent/consents/{request.Id}")
        {
            Text = $"Elimu reminder: {who} asks your consent to follow your child's learning. It expires in {Days(left)}. Answer here:",
        }, ct);
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

    private static string Days(int n) => n == 1 ? "1 day" : $"{n} days";

    private sealed record Pending(Guid Id, Guid ParentId, DateTime RequestedAt, ConsentProgramSnapshot? Shown, List<int> SentDays);
}

/// <summary>Runs <see cref="ConsentReminderRunner"/> every Consent:Requests:ScanSeconds on one instance (<see cref="Data.Locks.JobLeadership"/>).</summary>
public sealed class ConsentReminderJob(ConsentReminderRunner runner, IOptions<ConsentRequestOptions> options, Data.Locks.JobLeadership leadership,
    TimeProvider clock, ILogger<ConsentReminderJob> log) : BackgroundService
{
    public const string Job = "consent-reminders";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ScanSeconds), clock);
        try
        {
            while (await timer.WaitForNextTickOnPoolAsync(stoppingToken))
            {
                try
                {
                    if (await leadership.LeadsAsync(Job, stoppingToken)) await runner.SendDueAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "The consent reminder run failed; it runs again at the next tick");
                }
            }
        }
        finally
        {
            await leadership.StepDownAsync(Job);
        }
    }
}
