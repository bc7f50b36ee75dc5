using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Learning.Rollups;

/// <summary>One student's learning on one Nairobi day, all areas together: what the readers compute figures from.</summary>
public sealed record DayFigures(DateOnly Day, int Minutes, int Sessions, DateTime? LastSessionAt, int LessonsCompleted,
    int Assessments, long AssessmentScoreHundredths, IReadOnlyDictionary<DeviceKind, (int Sessions, int Minutes)> Devices)
{
    public static DayFigures Sum(DateOnly day, IEnumerable<LearningDayRollup> rows)
    {
        var list = rows.ToList();
        return new(day, list.Sum(r => r.Minutes), list.Sum(r => r.Sessions), list.Max(r => r.LastSessionAt), list.Sum(r => r.LessonsCompleted),
            list.Sum(r => r.Assessments), list.Sum(r => r.AssessmentScoreHundredths), new Dictionary<DeviceKind, (int, int)>
            {
                [DeviceKind.mobile] = (list.Sum(r => r.MobileSessions), list.Sum(r => r.MobileMinutes)),
                [DeviceKind.tablet] = (list.Sum(r => r.TabletSessions), list.Sum(r => r.TabletMinutes)),
                [DeviceKind.desktop] = (list.Sum(r => r.DesktopSessions), list.Sum(r => r.DesktopMinutes)),
                [DeviceKind.shared_lab] = (list.Sum(r => r.SharedLabSessions), list.Sum(r => r.SharedLabMinutes)),
            });
    }
}

/// <summary>Reads the daily rollups; each method is one query whatever the number of days or students.</summary>
public sealed class RollupReader(AppDbContext db)
{
    /// <summary>The student's days from <paramref name="from"/> to <paramref name="to"/> that have any learning, oldest first.</summary>
    // The areas of a day are summed here, not with GROUP BY in SQL: a child has about one area row a day, and on SQLite
    // (where every statement is prepared anew) thirteen SUMs cost more to prepare and run than the few extra rows cost to read.
    public async Task<List<DayFigures>> DaysAsync(Guid studentId, DateOnly from, DateOnly to, CancellationToken ct) =>
        [.. (await db.LearningDayRollups.AsNoTracking().Where(r => r.StudentId == studentId && r.Day >= from && r.Day <= to).ToListAsync(ct))
            .GroupBy(r => r.Day).OrderBy(g => g.Key).Select(g => DayFigures.Sum(g.Key, g))];

    /// <summary>The same for many students at once.</summary>
    public async Task<Dictionary<Guid, List<DayFigures>>> DaysAsync(IReadOnlyCollection<Guid> studentIds, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await db.LearningDayRollups.AsNoTracking().Where(r => studentIds.Contains(r.StudentId) && r.Day >= from && r.Day <= to).ToListAsync(ct))
            .GroupBy(r => r.StudentId)
            .ToDictionary(s => s.Key, s => s.GroupBy(r => r.Day).OrderBy(g => g.Key).Select(g => DayFigures.Sum(g.Key, g)).ToList());

    /// <summary>Start of the student's latest session on or before <paramref name="today"/>, however long ago.</summary>
    public Task<DateTime?> LastSessionAsync(Guid studentId, DateOnly today, CancellationToken ct) =>
        db.LearningDayRollups.AsNoTracking().Where(r => r.StudentId == studentId && r.Day <= today && r.Sessions > 0)
            .MaxAsync(r => r.LastSessionAt, ct);

    /// <summary>
    /// <see cref="LastSessionAsync"/>, given the student's <paramref name="days"/> up to <paramref name="today"/>: read from
    /// them when one has a session (the latest session is then among them), queried only when none has.
    /// </summary>
    public async Task<DateTime?> LastSessionAsync(Guid studentId, IReadOnlyList<DayFigures> days, DateOnly today, CancellationToken ct) =>
        days.Where(d => d.Sessions > 0 && d.Day <= today).Max(d => d.LastSessionAt) ?? await LastSessionAsync(studentId, today, ct);

    /// <summary>
    /// The same for many students, given their <paramref name="days"/> (as <see cref="DaysAsync(IReadOnlyCollection{Guid}, DateOnly, DateOnly, CancellationToken)"/>
    /// reads them): one query for those with no session among their days, none when every student has one.
    /// </summary>
    public async Task<Dictionary<Guid, DateTime?>> LastSessionsAsync(IReadOnlyCollection<Guid> studentIds,
        IReadOnlyDictionary<Guid, List<DayFigures>> days, DateOnly today, CancellationToken ct)
    {
        var last = studentIds.Distinct().ToDictionary(id => id, id =>
            days.TryGetValue(id, out var mine) ? mine.Where(d => d.Sessions > 0 && d.Day <= today).Max(d => d.LastSessionAt) : null);
        var unknown = last.Where(x => x.Value is null).Select(x => x.Key).ToList();
        if (unknown.Count == 0) return last;
        foreach (var x in await db.LearningDayRollups.AsNoTracking().Where(r => unknown.Contains(r.StudentId) && r.Day <= today && r.Sessions > 0)
                     .GroupBy(r => r.StudentId).Select(g => new { Id = g.Key, Last = g.Max(r => r.LastSessionAt) }).ToListAsync(ct))
            last[x.Id] = x.Last;
        return last;
    }
}
