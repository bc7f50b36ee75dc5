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

    /// <summary>
    /// Card figures for many students in two or three queries: days of the last two learning weeks, assessment totals, and the
    /// last session of those with none in those days.
    /// </summary>
    public async Task<Dictionary<Guid, StudentCardFigures>> CardFiguresAsync(IReadOnlyCollection<Guid> studentIds, DateOnly today, CancellationToken ct)
    {
        var (weekFrom, _) = LearningWeek.Current(today);
        var (previousFrom, previousTo) = LearningWeek.Previous(today);
        var rollups = new RollupReader(db);
        var days = await rollups.DaysAsync(studentIds, previousFrom, today, ct);
        var lastActive = await rollups.LastSessionsAsync(studentIds, days, today, ct);
        var scores = await db.LearningDayRollups.Where(r => studentIds.Contains(r.StudentId) && r.Assessments > 0)
            .GroupBy(r => r.StudentId).Select(g => new { Id = g.Key, Count = g.Sum(r => r.Assessments), Sum = g.Sum(r => r.AssessmentScoreHundredths) })
            .ToDictionaryAsync(x => x.Id, ct);
        return studentIds.Distinct().ToDictionary(id => id, id =>
        {
            var mine = days.TryGetValue(id, out var d) ? d : [];
            var last = lastActive[id];
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

    /// <summary>
    /// <see cref="GroupWeekFigures"/> for every group of the set: two queries (per-student sums of the last two learning
    /// weeks from the rollups, and the group sizes) whatever the number of students.
    /// </summary>
    public async Task<List<GroupWeekFigures>> WeekOnWeekAsync(IQueryable<StudentInGroup> students, DateOnly today, CancellationToken ct)
    {
        var weekFrom = LearningWeek.Current(today).From;
        var previousFrom = LearningWeek.Previous(today).From;
        var active = await (from s in students
                            join r in db.LearningDayRollups on s.StudentId equals r.StudentId
                            where r.Day >= previousFrom && r.Day <= today && r.Sessions > 0
                            group r by new { s.GroupId, s.StudentId } into g
                            select new
                            {
                                g.Key.GroupId,
                                This = g.Sum(r => r.Day >= weekFrom ? r.Minutes : 0),
                                Last = g.Sum(r => r.Day < weekFrom ? r.Minutes : 0),
                                SessionsThis = g.Sum(r => r.Day >= weekFrom ? r.Sessions : 0),
                                SessionsLast = g.Sum(r => r.Day < weekFrom ? r.Sessions : 0),
                            }).ToListAsync(ct);
        var sizes = await students.GroupBy(s => s.GroupId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return sizes.Select(size =>
        {
            var mine = active.Where(a => a.GroupId == size.Key).ToList();
            return new GroupWeekFigures(size.Key, size.Value, mine.Sum(a => a.This), mine.Sum(a => a.Last),
                size.Value - mine.Count(a => a.SessionsThis > 0), mine.Count(a => a.SessionsThis == 0 && a.SessionsLast > 0));
        }).ToList();
    }

    /// <summary>
    /// Average assessment score per learning area over the last <paramref name="days"/> Nairobi days and the same span
    /// before, for the students of the set; one query on the rollups (areas without assessments in either window are left out).
    /// </summary>
    public async Task<List<AreaScoreMovement>> AreaScoreMovementAsync(IQueryable<Guid> studentIds, DateOnly today, int days, CancellationToken ct)
    {
        var recentFrom = today.AddDays(-(days - 1));
        var previousFrom = recentFrom.AddDays(-days);
        var rows = await db.LearningDayRollups
            .Where(r => studentIds.Contains(r.StudentId) && r.Assessments > 0 && r.LearningAreaId != LearningDayRollup.NoArea
                && r.Day >= previousFrom && r.Day <= today)
            .GroupBy(r => new { r.LearningAreaId, Recent = r.Day >= recentFrom })
            .Select(g => new { g.Key.LearningAreaId, g.Key.Recent, Count = g.Sum(r => r.Assessments), Sum = g.Sum(r => r.AssessmentScoreHundredths) })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.LearningAreaId).Distinct().ToList();
        var names = await db.LearningAreas.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        decimal? Average(long sum, int count) => count == 0 ? null : Math.Round(sum / 100m / count, 1);
        return ids.Select(id =>
        {
            var recent = rows.FirstOrDefault(r => r.LearningAreaId == id && r.Recent);
            var previous = rows.FirstOrDefault(r => r.LearningAreaId == id && !r.Recent);
            return new AreaScoreMovement(id, names.GetValueOrDefault(id, "Unknown area"),
                previous is null ? null : Average(previous.Sum, previous.Count), recent is null ? null : Average(recent.Sum, recent.Count),
                recent?.Count ?? 0);
        }).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// What child alert thresholds are measured on, for every student of the set, from the rollups in three queries: the
    /// last day with a session within the last <paramref name="activeDays"/> days (null when none), minutes of the current
    /// learning week, and each day with assessments within the last <paramref name="assessedDays"/> days (count and score sum).
    /// </summary>
    public async Task<Dictionary<Guid, StudentAlertFigures>> AlertFiguresAsync(IQueryable<Guid> studentIds, DateOnly today, int activeDays,
        int assessedDays, CancellationToken ct)
    {
        var activeFrom = today.AddDays(-(activeDays - 1));
        var lastActive = await db.LearningDayRollups
            .Where(r => studentIds.Contains(r.StudentId) && r.Sessions > 0 && r.Day >= activeFrom && r.Day <= today)
            .GroupBy(r => r.StudentId).Select(g => new { g.Key, Last = g.Max(r => r.Day) })
            .ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        var minutes = await MinutesThisWeekAsync(studentIds, today, ct);
        var assessedFrom = today.AddDays(-(assessedDays - 1));
        var assessed = (await db.LearningDayRollups
            .Where(r => studentIds.Contains(r.StudentId) && r.Assessments > 0 && r.Day >= assessedFrom && r.Day <= today)
            .GroupBy(r => new { r.StudentId, r.Day })
            .Select(g => new { g.Key.StudentId, g.Key.Day, Count = g.Sum(r => r.Assessments), Sum = g.Sum(r => r.AssessmentScoreHundredths) })
            .ToListAsync(ct)).ToLookup(a => a.StudentId, a => new AssessedDay(a.Day, a.Count, a.Sum));
        return lastActive.Keys.Concat(minutes.Keys).Concat(assessed.Select(g => g.Key)).Distinct().ToDictionary(id => id, id =>
            new StudentAlertFigures(lastActive.TryGetValue(id, out var last) ? last : null, minutes.GetValueOrDefault(id), [.. assessed[id]]));
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

/// <summary>A student in a group (a program, say), for figures per group.</summary>
public sealed class StudentInGroup
{
    public Guid StudentId { get; init; }
    public Guid GroupId { get; init; }
}

/// <summary>A group's week on week: its students, their minutes this learning week and the one before, who is inactive now
/// (no session this week), and who became so (a session last week, none this week).</summary>
public sealed record GroupWeekFigures(Guid GroupId, int Students, int MinutesThisWeek, int MinutesLastWeek, int Inactive, int NewlyInactive);

/// <summary>A learning area's average assessment score over a recent window and the window before (null when none).</summary>
public sealed record AreaScoreMovement(Guid LearningAreaId, string Name, decimal? Previous, decimal? Recent, int RecentAssessments);

/// <summary>What a child's card shows: minutes this learning week and the one before, last activity, the inactivity alert, average score, engagement.</summary>
public sealed record StudentCardFigures(Guid StudentId, int MinutesThisWeek, int MinutesLastWeek, DateTime? LastActiveAt, bool Inactive,
    decimal? AverageScore, int Engagement);

/// <summary>A student's figures for the alert thresholds; a student absent from the answer had none of them (inactive, no minutes, no assessment).</summary>
public sealed record StudentAlertFigures(DateOnly? LastActiveDay, int MinutesThisWeek, IReadOnlyList<AssessedDay> AssessedDays);

/// <summary>A day's assessments of a student: how many and the sum of their scores in hundredths of a point.</summary>
public sealed record AssessedDay(DateOnly Day, int Count, long ScoreHundredths);
