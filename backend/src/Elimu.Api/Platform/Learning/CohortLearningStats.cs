using System.Linq.Expressions;
using Elimu.Api.Data;
using Elimu.Api.Platform.Learning.Rollups;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Learning;

/// <summary>A student with the key of the group it is counted in (a program, a grade, a county ...).</summary>
public sealed class StudentKey<TKey>
{
    public Guid StudentId { get; init; }
    public TKey Key { get; init; } = default!;
}

/// <summary>A group's learning over a span of days, from the rollups: the sums and the students with at least one session.</summary>
public sealed record GroupLearningTotals<TKey>(TKey Key, int Minutes, int Sessions, int LessonsCompleted, int Assessments,
    long AssessmentScoreHundredths, int ActiveStudents);

/// <summary>One student's assessments in one area: before the span (the baseline) and within it.</summary>
public sealed record StudentAreaScores(Guid StudentId, Guid LearningAreaId, int BaselineCount, long BaselineHundredths, int PeriodCount, long PeriodHundredths);

/// <summary>
/// Aggregates for analytics over a set of students given as a composable query (the consent gate's), from the daily
/// rollups only (ADR 0008). Each method is one grouped query whatever the number of students or days; spans are whole
/// Nairobi days, both ends included.
/// </summary>
public sealed class CohortLearningStats(AppDbContext db)
{
    /// <summary>Totals per student group; with <paramref name="areaIds"/>, only the learning in those areas counts.</summary>
    public async Task<List<GroupLearningTotals<TKey>>> ByGroupAsync<TKey>(IQueryable<StudentKey<TKey>> students, DateOnly from, DateOnly to,
        IReadOnlyCollection<Guid>? areaIds, CancellationToken ct) =>
        await (from s in students
               join r in InSpan(@from, to, areaIds) on s.StudentId equals r.StudentId
               group new { r.StudentId, r.Minutes, r.Sessions, r.LessonsCompleted, r.Assessments, r.AssessmentScoreHundredths } by s.Key into g
               select new GroupLearningTotals<TKey>(g.Key, g.Sum(x => x.Minutes), g.Sum(x => x.Sessions), g.Sum(x => x.LessonsCompleted),
                   g.Sum(x => x.Assessments), g.Sum(x => x.AssessmentScoreHundredths),
                   g.Where(x => x.Sessions > 0).Select(x => x.StudentId).Distinct().Count()))
            .ToListAsync(ct);

    /// <summary>Totals per learning area (activity that names no area is left out).</summary>
    public async Task<List<GroupLearningTotals<Guid>>> ByAreaAsync(IQueryable<Guid> students, DateOnly from, DateOnly to,
        IReadOnlyCollection<Guid>? areaIds, CancellationToken ct) =>
        await InSpan(from, to, areaIds).Where(r => students.Contains(r.StudentId) && r.LearningAreaId != LearningDayRollup.NoArea)
            .GroupBy(r => r.LearningAreaId)
            .Select(g => new GroupLearningTotals<Guid>(g.Key, g.Sum(x => x.Minutes), g.Sum(x => x.Sessions), g.Sum(x => x.LessonsCompleted),
                g.Sum(x => x.Assessments), g.Sum(x => x.AssessmentScoreHundredths),
                g.Where(x => x.Sessions > 0).Select(x => x.StudentId).Distinct().Count()))
            .ToListAsync(ct);

    /// <summary>Totals per span of days: bucket i runs from <paramref name="starts"/>[i] to the day before the next start (the last to <paramref name="to"/>).</summary>
    public async Task<List<GroupLearningTotals<int>>> ByBucketAsync(IQueryable<Guid> students, IReadOnlyList<DateOnly> starts, DateOnly to,
        IReadOnlyCollection<Guid>? areaIds, CancellationToken ct) =>
        await InSpan(starts[0], to, areaIds).Where(r => students.Contains(r.StudentId))
            .GroupBy(BucketOf(starts))
            .Select(g => new GroupLearningTotals<int>(g.Key, g.Sum(x => x.Minutes), g.Sum(x => x.Sessions), g.Sum(x => x.LessonsCompleted),
                g.Sum(x => x.Assessments), g.Sum(x => x.AssessmentScoreHundredths),
                g.Where(x => x.Sessions > 0).Select(x => x.StudentId).Distinct().Count()))
            .ToListAsync(ct);

    /// <summary>Each student's assessments per area before <paramref name="from"/> (the baseline) and from it to <paramref name="to"/>.</summary>
    public async Task<List<StudentAreaScores>> AgainstBaselineAsync(IQueryable<Guid> students, DateOnly from, DateOnly to, CancellationToken ct) =>
        await db.LearningDayRollups.AsNoTracking()
            .Where(r => students.Contains(r.StudentId) && r.Assessments > 0 && r.LearningAreaId != LearningDayRollup.NoArea && r.Day <= to)
            .GroupBy(r => new { r.StudentId, r.LearningAreaId })
            .Select(g => new StudentAreaScores(g.Key.StudentId, g.Key.LearningAreaId,
                g.Sum(r => r.Day < from ? r.Assessments : 0), g.Sum(r => r.Day < from ? r.AssessmentScoreHundredths : 0L),
                g.Sum(r => r.Day >= from ? r.Assessments : 0), g.Sum(r => r.Day >= from ? r.AssessmentScoreHundredths : 0L)))
            .ToListAsync(ct);

    /// <summary>Names and codes of the learning areas, by id.</summary>
    public Task<Dictionary<Guid, (string Code, string Name)>> AreasAsync(CancellationToken ct) =>
        db.LearningAreas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => (a.Code, a.Name), ct);

    private IQueryable<LearningDayRollup> InSpan(DateOnly from, DateOnly to, IReadOnlyCollection<Guid>? areaIds)
    {
        var rows = db.LearningDayRollups.AsNoTracking().Where(r => r.Day >= from && r.Day <= to);
        return areaIds is { Count: > 0 } ? rows.Where(r => areaIds.Contains(r.LearningAreaId)) : rows;
    }

    /// <summary>r => r.Day &lt; starts[1] ? 0 : r.Day &lt; starts[2] ? 1 : ...: a CASE both databases run, with no date functions.</summary>
    private static Expression<Func<LearningDayRollup, int>> BucketOf(IReadOnlyList<DateOnly> starts)
    {
        var r = Expression.Parameter(typeof(LearningDayRollup), "r");
        var day = Expression.Property(r, nameof(LearningDayRollup.Day));
        Expression body = Expression.Constant(starts.Count - 1);
        for (var i = starts.Count - 1; i >= 1; i--)
            body = Expression.Condition(Expression.LessThan(day, Expression.Constant(starts[i])), Expression.Constant(i - 1), body);
        return Expression.Lambda<Func<LearningDayRollup, int>>(body, r);
    }
}
