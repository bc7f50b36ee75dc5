using Elimu.Api.Data;
using Elimu.Api.Platform.Learning.Insights;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Learning;

/// <summary>
/// Aggregates over learning activity for a set of students given as a composable query. Every window is made of whole
/// Nairobi days as <see cref="LearningWeek"/> defines them, so these figures agree with the child's own views.
/// </summary>
public sealed class LearningStats(AppDbContext db)
{
    /// <summary>
    /// Average minutes per student per learning week over the last <paramref name="weeks"/> learning weeks (the last
    /// 7 × weeks Nairobi days, today included); students with no activity count as zero.
    /// </summary>
    public async Task<decimal> AverageWeeklyMinutesAsync(IQueryable<Guid> studentIds, DateOnly today, int weeks, CancellationToken ct)
    {
        var fromUtc = LearningWeek.StartUtc(today.AddDays(-(LearningWeek.Days * weeks - 1)));
        var toUtc = LearningWeek.EndOfTodayUtc(today);
        var minutes = await db.ActivitySessions
            .Where(s => studentIds.Contains(s.StudentId) && s.StartedAt >= fromUtc && s.StartedAt < toUtc)
            .SumAsync(s => (int?)s.DurationMinutes, ct) ?? 0;
        var students = await studentIds.CountAsync(ct);
        return students == 0 || weeks <= 0 ? 0 : Math.Round((decimal)minutes / students / weeks, 1);
    }

    /// <summary>Card figures for many students in three queries (sessions of the last two learning weeks, last session, assessment averages).</summary>
    public async Task<Dictionary<Guid, StudentCardFigures>> CardFiguresAsync(IReadOnlyCollection<Guid> studentIds, DateOnly today, CancellationToken ct)
    {
        var (weekFrom, _) = LearningWeek.Current(today);
        var (previousFrom, _) = LearningWeek.Previous(today);
        var (thisWeekUtc, previousUtc, endUtc) = (LearningWeek.StartUtc(weekFrom), LearningWeek.StartUtc(previousFrom), LearningWeek.EndOfTodayUtc(today));
        var sessions = await db.ActivitySessions
            .Where(s => studentIds.Contains(s.StudentId) && s.StartedAt >= previousUtc && s.StartedAt < endUtc)
            .Select(s => new { s.StudentId, s.StartedAt, s.DurationMinutes, s.Device }).ToListAsync(ct);
        var lastActive = await db.ActivitySessions.Where(s => studentIds.Contains(s.StudentId) && s.StartedAt < endUtc)
            .GroupBy(s => s.StudentId).Select(g => new { Id = g.Key, Last = g.Max(s => s.StartedAt) })
            .ToDictionaryAsync(x => x.Id, x => x.Last, ct);
        var scores = await db.Assessments.Where(a => studentIds.Contains(a.StudentId))
            .Select(a => new { a.StudentId, a.Score }).ToListAsync(ct);
        return studentIds.Distinct().ToDictionary(id => id, id =>
        {
            var mine = sessions.Where(s => s.StudentId == id).ToList();
            var marks = scores.Where(a => a.StudentId == id).Select(a => a.Score).ToList();
            DateTime? last = lastActive.TryGetValue(id, out var at) ? at : null;
            // The engagement of the activity view, from the same rows: two weeks of days are enough, as its streak part stops at 7.
            var recent = new RecentActivity([.. mine.OrderBy(s => s.StartedAt).Select(s => new SessionRow(s.StartedAt, s.DurationMinutes, s.Device))], today);
            return new StudentCardFigures(id,
                mine.Where(s => s.StartedAt >= thisWeekUtc).Sum(s => s.DurationMinutes),
                mine.Where(s => s.StartedAt < thisWeekUtc).Sum(s => s.DurationMinutes),
                last,
                LearningWeek.IsInactive(last, today),
                marks.Count == 0 ? null : Math.Round(marks.Average(), 1),
                recent.Engagement.Score);
        });
    }

    /// <summary>Minutes of the current learning week per student of the set; students without a session are left out. One query.</summary>
    public async Task<Dictionary<Guid, int>> MinutesThisWeekAsync(IQueryable<Guid> studentIds, DateOnly today, CancellationToken ct)
    {
        var fromUtc = LearningWeek.StartUtc(LearningWeek.Current(today).From);
        var toUtc = LearningWeek.EndOfTodayUtc(today);
        return await db.ActivitySessions
            .Where(s => studentIds.Contains(s.StudentId) && s.StartedAt >= fromUtc && s.StartedAt < toUtc)
            .GroupBy(s => s.StudentId).Select(g => new { g.Key, Minutes = g.Sum(s => s.DurationMinutes) })
            .ToDictionaryAsync(x => x.Key, x => x.Minutes, ct);
    }

    /// <summary>Students in the set with no session in the current learning week: the "inactive 7+ days" alert.</summary>
    public Task<int> CountInactiveAsync(IQueryable<Guid> studentIds, DateOnly today, CancellationToken ct) =>
        Inactive(studentIds, today).CountAsync(ct);

    /// <summary>The students of the set that <see cref="LearningWeek.IsInactive"/> calls inactive, as a composable query.</summary>
    public IQueryable<Guid> Inactive(IQueryable<Guid> studentIds, DateOnly today)
    {
        var since = LearningWeek.InactiveBeforeUtc(today);
        var end = LearningWeek.EndOfTodayUtc(today);
        return studentIds.Where(id => !db.ActivitySessions.Any(s => s.StudentId == id && s.StartedAt >= since && s.StartedAt < end));
    }
}

/// <summary>What a child's card shows: minutes this learning week and the one before, last activity, the inactivity alert, average score, engagement.</summary>
public sealed record StudentCardFigures(Guid StudentId, int MinutesThisWeek, int MinutesLastWeek, DateTime? LastActiveAt, bool Inactive,
    decimal? AverageScore, int Engagement);
