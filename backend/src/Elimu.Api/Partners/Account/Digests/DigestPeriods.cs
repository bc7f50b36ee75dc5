using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Notifications;

namespace Elimu.Api.Partners.Account.Digests;

/// <summary>
/// Which period a member's digest covers, in their time zone. A digest goes out from 07:00 local: the daily one for
/// yesterday, the weekly one on Monday for the week (Monday to Sunday) that just ended. At any moment the latest due
/// period is the one to send; a period already sent is never sent again (<see cref="SentDigest"/>).
/// </summary>
public static class DigestPeriods
{
    public static readonly TimeOnly SendAt = new(7, 0);

    public static (DateOnly Start, DateOnly End)? LatestDue(DigestFrequency frequency, TimeZoneInfo zone, DateTimeOffset now)
    {
        if (frequency == DigestFrequency.off) return null;
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var today = DateOnly.FromDateTime(local);
        var beforeSendTime = TimeOnly.FromDateTime(local) < SendAt;
        if (frequency == DigestFrequency.daily)
        {
            var day = today.AddDays(beforeSendTime ? -2 : -1);
            return (day, day);
        }
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        if (today == monday && beforeSendTime) monday = monday.AddDays(-7);
        return (monday.AddDays(-7), monday.AddDays(-1));
    }

    public static TimeZoneInfo ZoneOf(string? id) =>
        id is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone
            : TimeZoneInfo.FindSystemTimeZoneById(AppUser.DefaultTimeZone);

    /// <summary>The UTC instant a local day starts in the zone.</summary>
    public static DateTime StartUtc(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(day.ToDateTime(TimeOnly.MinValue), DateTimeKind.Unspecified), zone);
}
