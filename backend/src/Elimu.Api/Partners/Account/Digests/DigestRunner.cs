using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Platform.Notifications;
using Elimu.Api.Platform.Notifications.Delivery;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Account.Digests;

/// <summary>
/// Queues the digests that are due now: for each partner member whose frequency is not off, the latest due period in
/// their time zone (<see cref="DigestPeriods"/>), unless it was sent. The <see cref="SentDigest"/> row and the mail are
/// saved together; when another run saved the same period first, the unique key refuses this one and nothing is queued.
/// </summary>
public sealed class DigestRunner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DigestRunner> log)
{
    /// <summary>How many digests this run queued.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        List<(PartnerMember Member, DigestFrequency Frequency, string Zone, string? Email, string Name)> due;
        using (var scope = scopes.CreateScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<AppDbContext>();
            var members = await sp.GetRequiredService<INotificationRecipients>().PartnerMembersAsync(ct);
            var ids = members.Select(m => m.UserId).ToList();
            var people = await db.Users.Where(u => ids.Contains(u.Id))
                .Select(u => new { u.Id, u.Email, u.TimeZone, Name = (u.FirstName + " " + u.LastName).Trim() }).ToDictionaryAsync(u => u.Id, ct);
            var frequencies = await db.NotificationSettings.Where(s => ids.Contains(s.UserId)).ToDictionaryAsync(s => s.UserId, s => s.Digest, ct);
            due = members.Where(m => people.ContainsKey(m.UserId)).Select(m => (m,
                    frequencies.TryGetValue(m.UserId, out var f) ? f : NotificationDefaults.Digest,
                    people[m.UserId].TimeZone, people[m.UserId].Email, people[m.UserId].Name))
                .Where(x => x.Item2 != DigestFrequency.off && !string.IsNullOrWhiteSpace(x.Email)).ToList();
        }

        var queued = 0;
        foreach (var (member, frequency, zoneId, email, name) in due)
        {
            try
            {
                if (await QueueAsync(member, frequency, zoneId, email!, name, ct)) queued++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not prepare the digest of user {UserId}", member.UserId);
            }
        }
        return queued;
    }

    private async Task<bool> QueueAsync(PartnerMember member, DigestFrequency frequency, string zoneId, string email, string name, CancellationToken ct)
    {
        var zone = DigestPeriods.ZoneOf(zoneId);
        if (DigestPeriods.LatestDue(frequency, zone, clock.GetUtcNow()) is not var (start, end)) return false;

        using var scope = scopes.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.SentDigests.AnyAsync(d => d.UserId == member.UserId && d.Frequency == frequency && d.PeriodStart == start, ct)) return false;

        var choices = await sp.GetRequiredService<NotificationPreferences>().ForUsersAsync([member.UserId], ct);
        var included = choices.Values.Where(p => p.Digest).Select(p => p.Category).ToHashSet();
        var draft = await sp.GetRequiredService<DigestContent>().ComposeAsync(member.PartnerId, frequency, start, end, zone, included, ct);

        db.SentDigests.Add(new SentDigest
        {
            UserId = member.UserId, PartnerId = member.PartnerId, Frequency = frequency, PeriodStart = start, PeriodEnd = end, TimeZone = zone.Id,
        });
        // A quiet period is recorded too (so it is not composed again), with nothing to send.
        if (draft is not null) db.OutboxMessages.Add(sp.GetRequiredService<MailContent>().Email(member.UserId, email, name, draft));
        try
        {
            await db.SaveChangesAsync(ct);
            return draft is not null;
        }
        catch (DbUpdateException e) when (DatabaseConflicts.IsUniqueViolation(e))
        {
            // Another run (another instance) queued this period first.
            return false;
        }
    }
}
