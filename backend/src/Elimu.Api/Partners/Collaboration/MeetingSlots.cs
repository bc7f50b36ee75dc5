using Elimu.Api.Common;
using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Collaboration;

/// <summary>
/// The "AI suggested" meeting times of the plan, computed by plain code: the earliest slots, on the half hour, within
/// working hours (08:00–17:00 Africa/Nairobi, Monday to Friday, over the next <see cref="HorizonDays"/> days) in which
/// none of the attendees has a scheduled meeting. Deterministic: the same meetings and clock give the same slots.
/// </summary>
public sealed class MeetingSlots(AppDbContext db, TimeProvider clock)
{
    public static readonly TimeOnly DayStart = new(8, 0), DayEnd = new(17, 0);
    public const int StepMinutes = 30;
    public const int HorizonDays = 21;

    public async Task<IReadOnlyList<SuggestedSlot>> SuggestAsync(IReadOnlyCollection<Guid> attendees, int durationMinutes, int count, CancellationToken ct)
    {
        var from = FirstStep(clock.GetUtcNow().UtcDateTime);
        var busy = await BusyAsync(attendees, from, from.AddDays(HorizonDays + 1), ct);
        var slots = new List<SuggestedSlot>();
        foreach (var start in Candidates(from, durationMinutes))
        {
            var end = start.AddMinutes(durationMinutes);
            if (busy.Any(b => b.Start < end && start < b.End)) continue;
            slots.Add(Describe(start, end));
            if (slots.Count == count) break;
        }
        return slots;
    }

    /// <summary>Whether a start is one the suggestions could offer: on a step, within working hours, free for everyone.</summary>
    public async Task<bool> IsFreeSlotAsync(IReadOnlyCollection<Guid> attendees, DateTime startUtc, int durationMinutes, CancellationToken ct)
    {
        if (startUtc < clock.GetUtcNow().UtcDateTime || !WithinWorkingHours(startUtc, durationMinutes)) return false;
        var end = startUtc.AddMinutes(durationMinutes);
        var busy = await BusyAsync(attendees, startUtc, end, ct);
        return !busy.Any(b => b.Start < end && startUtc < b.End);
    }

    public static bool WithinWorkingHours(DateTime startUtc, int durationMinutes)
    {
        var local = NairobiTime.ToNairobi(startUtc);
        var end = local.AddMinutes(durationMinutes);
        return local.Minute % StepMinutes == 0 && local.Second == 0 && local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
            && TimeOnly.FromDateTime(local) >= DayStart && end.Date == local.Date && TimeOnly.FromDateTime(end) <= DayEnd;
    }

    public static SuggestedSlot Describe(DateTime startUtc, DateTime endUtc)
    {
        var local = NairobiTime.ToNairobi(startUtc);
        var offset = NairobiTime.Zone.GetUtcOffset(startUtc);
        return new SuggestedSlot(new DateTimeOffset(local, offset), new DateTimeOffset(NairobiTime.ToNairobi(endUtc), offset),
            $"{local:ddd d MMM, HH:mm}–{NairobiTime.ToNairobi(endUtc):HH:mm} EAT");
    }

    private IEnumerable<DateTime> Candidates(DateTime fromUtc, int durationMinutes)
    {
        for (var t = fromUtc; t < fromUtc.AddDays(HorizonDays); t = t.AddMinutes(StepMinutes))
            if (WithinWorkingHours(t, durationMinutes)) yield return t;
    }

    /// <summary>The next half hour (in UTC; Nairobi's offset is whole hours, so it is the half hour there too).</summary>
    private static DateTime FirstStep(DateTime nowUtc)
    {
        var step = TimeSpan.FromMinutes(StepMinutes).Ticks;
        return new DateTime((nowUtc.Ticks + step - 1) / step * step, DateTimeKind.Utc);
    }

    /// <summary>The scheduled meetings overlapping the window that any of the people attend (or organised).</summary>
    private async Task<List<(DateTime Start, DateTime End)>> BusyAsync(IReadOnlyCollection<Guid> people, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        // Meetings last at most a working day, so one that starts a day before the window is the earliest that can overlap it.
        var window = await db.PartnerMeetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.scheduled && m.ScheduledAt < toUtc && m.ScheduledAt > fromUtc.AddDays(-1))
            .Select(m => new { m.ScheduledAt, m.DurationMinutes, m.OrganizerId, m.Attendees })
            .ToListAsync(ct);
        return window.Where(m => people.Contains(m.OrganizerId) || m.Attendees.Any(a => a.UserId is { } u && people.Contains(u)))
            .Select(m => (m.ScheduledAt, m.ScheduledAt.AddMinutes(m.DurationMinutes)))
            .Where(m => m.Item2 > fromUtc)
            .ToList();
    }
}
