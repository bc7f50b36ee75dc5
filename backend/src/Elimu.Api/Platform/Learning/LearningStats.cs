using Elimu.Api.Data;
using Elimu.Api.Platform.Learning.Insights;
using Elimu.Api.Platform.Learning.Rollups;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Learning;

/// <summary>
/// Aggregates over learning activity for a set of students given as a composable query, read from the daily rollups
/// (ADR 0008) so their cost does not grow with the raw rows. Every window is made of whole Nairobi days as
/// <see cref="LearningWeek"/> defines them, so these figures agree with the child's own views.
/// </summary>
public sealed class LearningStats(AppDbContext db)
{
    /// <summary>
    /// Average minutes per student per learning week over the last <paramref name="weeks"/> learning weeks (the last
    /// 7 × weeks Nairobi days, today included); students with no activity count as zero.
    /// </summary>
    public async Task<decimal> AverageWeeklyMinutesAsync(IQueryable<Guid> studentIds, DateOnly today, int weeks, CancellationToken ct)
    {
        var from = today.AddDays(-(LearningWeek.Days * weeks - 1));
        var minutes = await db.LearningDayRollups
            .Where(r => studentIds.Contains(r.StudentId) && r.Day >= from && r.Day <= today)
            .SumAsync(r => (int?)r.Minutes, ct) ?? 0;
        var students = await studentIds.CountAsync(ct);
        return students == 0 || weeks <= 0 ? 0 : Math.Round((decimal)minutes / students / weeks, 1);
    }

    /// <summary>Card figures for many students in three queries (days of the last two learning weeks, last session, assessment totals).</summary>
    public async Task<Dictionary<Guid, StudentCardFigures>> CardFiguresAsync(IReadOnlyCollection<Guid> studentIds, DateOnly today, CancellationToken ct)
    {
        var (weekFrom, _) = LearningWeek.Current(today);
        var (previousFrom, previousTo) = LearningWeek.Previous(today);
        var days = await new RollupReader(db).DaysAsync(studentIds, previousFrom, today, ct);
        var lastActive = await db.LearningDayRollups.Where(r => studentIds.Contains(r.StudentId) && r.Day <= today && r.Sessions > 0)
            .GroupBy(r => r.StudentId).Select(g => new { Id = g.Key, Last = g.Max(r => r.LastSessionAt) })
            .ToDictionaryAsync(x => x.Id, x => x.Last, ct);
        var scores = await db.LearningDayRollups.Where(r => studentIds.Contains(r.StudentId) && r.Assessments > 0)
            .GroupBy(r => r.StudentId).Select(g => new { Id = g.Key, Count = g.Sum(r => r.Assessments), Sum = g.Sum(r => r.AssessmentScoreHundredths) })
            .ToDictionaryAsync(x => x.Id, ct);
        return studentIds.Distinct().ToDictionary(id => id, id =>
        {
            var mine = days.TryGetValue(id, out var d) ? d : [];
            DateTime? last = lastActive.TryGetValue(id, out var at) ? at : null;
            // The engagement of the activity view, from the same days: two weeks are enough, as its streak part stops at 7.
            var recent = new RecentActivity(mine, today);
            decimal? average = scores.TryGetValue(id, out var s) && s.Count > 0 ? Math.Round(s.Sum / 100m / s.Count, 1) : null;
            return new StudentCardFigures(id,
                mine.Where(x => x.Day >= weekFrom).Sum(x => x.Minutes),
                mine.Where(x => x.Day >= previousFrom && x.Day <= previousTo).Sum(x => x.Minutes),
                last,
                LearningWeek.IsInactive(last, today),
                average,
                recent.Engagement.Score);
        });
    }

    /// <summary>Minutes of the current learning week per student of the set; students without a session are left out. One query.</summary>
    public async Task<Dictionary<Guid, int>> MinutesThisWeekAsync(IQueryable<Guid> studentIds, DateOnly today, CancellationToken ct)
    {
        var from = LearningWeek.Current(today).From;
        return await db.LearningDayRollups
            .Where(r => studentIds.Contains(r.StudentId) && r.Day >= from && r.Day <= today && r.Sessions > 0)
            .GroupBy(r => r.StudentId).Select(g => new { g.Key, Minutes = g.Sum(r => r.Minutes) })
            .ToDictionaryAsync(x => x.Key, x => x.Minutes, ct);
    }

    /// <summary>Students in the set with no session in the current learning week: the "inactive 7+ days" alert.</summary>
    public Task<int> CountInactiveAsync(IQueryable<Guid> studentIds, DateOnly today, CancellationToken ct) =>
        Inactive(studentIds, today).CountAsync(ct);

    /// <summary>The students of the set that <see cref="LearningWeek.IsInactive"/> calls inactive, as a composable query.</summary>
    public IQueryable<Guid> Inactive(IQueryable<Guid> studentIds, DateOnly today)
    {
        var from = LearningWeek.Current(today).From;
        return studentIds.Where(id => !db.LearningDayRollups.Any(r => r.StudentId == id && r.Day >= from && r.Day <= today && r.Sessions > 0));
    }
}

/// <summary>What a child's card shows: minutes this learning week and the one before, last activity, the inactivity alert, average score, engagement.</summary>
public sealed record StudentCardFigures(Guid StudentId, int MinutesThisWeek, int MinutesLastWeek, DateTime? LastActiveAt, bool Inactive,
    decimal? AverageScore, int Engagement);
