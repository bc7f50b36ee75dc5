using System.Linq.Expressions;
using Elimu.Api.Data;
using Elimu.Api.Platform.Learning.Rollups;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Learning;

/// <summary>
/// Learning of a set of students (a composable query) over a period of whole Nairobi days, against the period of the
/// same length before it: what an impact report counts. Totals and weeks come from the daily rollups (ADR 0008); rubric
/// levels and competency ratings, which the rollups do not keep, from their own tables through their (student, date)
/// indexes. Every figure is an aggregate: no student's row leaves the database.
/// </summary>
public sealed class PeriodLearningStats(AppDbContext db)
{
    public async Task<PeriodLearning> ForPeriodAsync(IQueryable<Guid> studentIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        var previousFrom = from.AddDays(-days);
        var rows = db.LearningDayRollups.Where(r => studentIds.Contains(r.StudentId));

        var totals = await rows.Where(r => r.Day >= from && r.Day <= to).GroupBy(r => 1)
            .Select(g => new
            {
                Minutes = g.Sum(r => (long)r.Minutes), Sessions = g.Sum(r => r.Sessions), Lessons = g.Sum(r => r.LessonsCompleted),
                Achievements = g.Sum(r => r.Achievements), Assessments = g.Sum(r => r.Assessments), Score = g.Sum(r => r.AssessmentScoreHundredths),
            }).FirstOrDefaultAsync(ct);
        var previous = await rows.Where(r => r.Day >= previousFrom && r.Day < from && r.Assessments > 0).GroupBy(r => 1)
            .Select(g => new { Assessments = g.Sum(r => r.Assessments), Score = g.Sum(r => r.AssessmentScoreHundredths) }).FirstOrDefaultAsync(ct);
        var reached = await rows.Where(r => r.Day >= from && r.Day <= to && r.Sessions > 0).Select(r => r.StudentId).Distinct().CountAsync(ct);

        var weeks = await rows.Where(r => r.Day >= from && r.Day <= to && r.Sessions > 0).GroupBy(WeekOf(from, to))
            .Select(g => new { Week = g.Key, Minutes = g.Sum(r => r.Minutes), Students = g.Select(r => r.StudentId).Distinct().Count() })
            .ToListAsync(ct);
        var weekCount = (days + 6) / 7;

        return new PeriodLearning(
            reached, (int)(totals?.Minutes ?? 0), totals?.Sessions ?? 0, totals?.Lessons ?? 0, totals?.Achievements ?? 0,
            totals?.Assessments ?? 0, Average(totals?.Score ?? 0, totals?.Assessments ?? 0), Average(previous?.Score ?? 0, previous?.Assessments ?? 0),
            Enumerable.Range(0, weekCount).Select(i => weeks.FirstOrDefault(w => w.Week == i) is { } w
                ? new WeekFigures(from.AddDays(7 * i), w.Minutes, w.Students) : new WeekFigures(from.AddDays(7 * i), 0, 0)).ToList(),
            await AreasAsync(studentIds, previousFrom, from, to, ct), await CompetenciesAsync(studentIds, previousFrom, from, to, ct));
    }

    private async Task<List<AreaFigures>> AreasAsync(IQueryable<Guid> studentIds, DateOnly previousFrom, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (start, split, end) = (LearningWeek.StartUtc(previousFrom), LearningWeek.StartUtc(from), LearningWeek.StartUtc(to.AddDays(1)));
        var rows = (await db.Assessments.Where(a => studentIds.Contains(a.StudentId) && a.AssessedAt >= start && a.AssessedAt < end)
            .GroupBy(a => new { a.LearningAreaId, Recent = a.AssessedAt >= split, a.RubricLevel })
            .Select(g => new { g.Key.LearningAreaId, g.Key.Recent, g.Key.RubricLevel, Count = g.Count(), Sum = g.Sum(a => a.Score) })
            .ToListAsync(ct))
            .Select(r => new LevelRow(r.LearningAreaId, r.Recent, r.RubricLevel, r.Count, r.Sum)).ToList();
        var ids = rows.Select(r => r.AreaId).Distinct().ToList();
        var names = await db.LearningAreas.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return ids.Select(id =>
            {
                var recent = rows.Where(r => r.AreaId == id && r.Recent).ToList();
                var before = rows.Where(r => r.AreaId == id && !r.Recent).ToList();
                return new AreaFigures(names.GetValueOrDefault(id, "Unknown area"), Levels(recent), Mean(recent), Levels(before), Mean(before));
            })
            .OrderBy(a => a.LearningArea, StringComparer.Ordinal).ToList();

        static RubricCounts Levels(List<LevelRow> set)
        {
            int Of(RubricLevel level) => set.Where(r => r.Level == level).Sum(r => r.Count);
            return new RubricCounts(Of(RubricLevel.EE), Of(RubricLevel.ME), Of(RubricLevel.AE), Of(RubricLevel.BE));
        }

        static decimal? Mean(List<LevelRow> set) => set.Sum(r => r.Count) is var n && n > 0 ? Math.Round(set.Sum(r => r.Sum) / n, 1) : null;
    }

    private sealed record LevelRow(Guid AreaId, bool Recent, RubricLevel Level, int Count, decimal Sum);

    private async Task<List<CompetencyFigures>> CompetenciesAsync(IQueryable<Guid> studentIds, DateOnly previousFrom, DateOnly from, DateOnly to,
        CancellationToken ct)
    {
        var rows = await db.CompetencyScores.Where(c => studentIds.Contains(c.StudentId) && c.AssessedOn >= previousFrom && c.AssessedOn <= to)
            .GroupBy(c => new { c.Competency, Recent = c.AssessedOn >= from })
            .Select(g => new { g.Key.Competency, g.Key.Recent, Count = g.Count(), Sum = g.Sum(c => c.Score) })
            .ToListAsync(ct);
        return rows.Select(r => r.Competency).Distinct().Order().Select(c =>
        {
            var recent = rows.FirstOrDefault(r => r.Competency == c && r.Recent);
            var before = rows.FirstOrDefault(r => r.Competency == c && !r.Recent);
            return new CompetencyFigures(c, recent?.Count ?? 0, recent is { Count: > 0 } ? Math.Round(recent.Sum / recent.Count, 2) : null,
                before is { Count: > 0 } ? Math.Round(before.Sum / before.Count, 2) : null);
        }).ToList();
    }

    /// <summary>
    /// The period's week of a rollup day (0 for its first seven days, and so on) as one SQL CASE, so the weeks are
    /// grouped by the database on both providers without date arithmetic that each translates differently.
    /// </summary>
    private static Expression<Func<LearningDayRollup, int>> WeekOf(DateOnly from, DateOnly to)
    {
        var r = Expression.Parameter(typeof(LearningDayRollup), "r");
        var day = Expression.Property(r, nameof(LearningDayRollup.Day));
        var weeks = (to.DayNumber - from.DayNumber) / 7 + 1;
        Expression body = Expression.Constant(weeks - 1);
        for (var i = weeks - 2; i >= 0; i--)
            body = Expression.Condition(Expression.LessThan(day, Expression.Constant(from.AddDays(7 * (i + 1)))), Expression.Constant(i), body);
        return Expression.Lambda<Func<LearningDayRollup, int>>(body, r);
    }

    private static decimal? Average(long hundredths, int count) => count == 0 ? null : Math.Round(hundredths / 100m / count, 1);
}

/// <summary>
/// A period's learning: children with a session, minutes, sessions, lessons completed, achievements, assessments and
/// their average score (and the previous period's), the weeks, and the learning areas and competencies.
/// </summary>
public sealed record PeriodLearning(int StudentsReached, int Minutes, int Sessions, int LessonsCompleted, int Achievements, int Assessments,
    decimal? AverageScore, decimal? PreviousAverageScore, IReadOnlyList<WeekFigures> Weeks, IReadOnlyList<AreaFigures> Areas,
    IReadOnlyList<CompetencyFigures> Competencies);

public sealed record WeekFigures(DateOnly WeekStart, int Minutes, int Students);

/// <summary>Assessments at each CBC rubric level.</summary>
public readonly record struct RubricCounts(int Exceeding, int Meeting, int Approaching, int Below)
{
    public int Total => Exceeding + Meeting + Approaching + Below;
}

public sealed record AreaFigures(string LearningArea, RubricCounts Levels, decimal? AverageScore, RubricCounts PreviousLevels, decimal? PreviousAverageScore);

public sealed record CompetencyFigures(CoreCompetency Competency, int Ratings, decimal? Average, decimal? PreviousAverage);
