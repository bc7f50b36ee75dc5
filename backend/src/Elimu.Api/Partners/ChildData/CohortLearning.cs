using System.Linq.Expressions;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Learning;

namespace Elimu.Api.Partners.ChildData;

/// <summary>
/// Learning figures over groups of children for Analytics (ROI, custom reports), always over the gate's monitored children
/// (<see cref="ChildLearningGate.MonitoredChildren"/>: consent given, program running, billing in order): the caller may
/// narrow the set with <c>filter</c>, never widen it. Nothing here names a child; the callers audit what they show.
/// </summary>
public sealed class CohortLearning(ChildLearningGate gate, CohortLearningStats stats)
{
    public delegate IQueryable<SponsoredChildRow> Narrow(IQueryable<SponsoredChildRow> children);

    /// <summary>The monitored children that pass <paramref name="filter"/>, as composable rows.</summary>
    public IQueryable<SponsoredChildRow> Children(Guid partnerId, Narrow filter) => filter(gate.MonitoredChildren(partnerId));

    public async Task<List<CohortTotals<TKey>>> ByGroupAsync<TKey>(Guid partnerId, Narrow filter, Expression<Func<SponsoredChildRow, TKey>> key,
        DateOnly from, DateOnly to, IReadOnlyCollection<Guid>? areaIds, CancellationToken ct) =>
        [.. (await stats.ByGroupAsync(Children(partnerId, filter).Select(Keyed(key)), from, to, areaIds, ct)).Select(Of)];

    public async Task<List<CohortTotals<Guid>>> ByAreaAsync(Guid partnerId, Narrow filter, DateOnly from, DateOnly to,
        IReadOnlyCollection<Guid>? areaIds, CancellationToken ct) =>
        [.. (await stats.ByAreaAsync(Children(partnerId, filter).Select(c => c.StudentId), from, to, areaIds, ct)).Select(Of)];

    public async Task<List<CohortTotals<int>>> ByBucketAsync(Guid partnerId, Narrow filter, IReadOnlyList<DateOnly> starts, DateOnly to,
        IReadOnlyCollection<Guid>? areaIds, CancellationToken ct) =>
        [.. (await stats.ByBucketAsync(Children(partnerId, filter).Select(c => c.StudentId), starts, to, areaIds, ct)).Select(Of)];

    public async Task<List<ChildAreaBaseline>> AgainstBaselineAsync(Guid partnerId, Narrow filter, DateOnly from, DateOnly to, CancellationToken ct) =>
        [.. (await stats.AgainstBaselineAsync(Children(partnerId, filter).Select(c => c.StudentId), from, to, ct))
            .Select(s => new ChildAreaBaseline(s.StudentId, s.LearningAreaId,
                s.BaselineCount == 0 ? null : s.BaselineHundredths / 100m / s.BaselineCount,
                s.PeriodCount == 0 ? null : s.PeriodHundredths / 100m / s.PeriodCount))];

    private static CohortTotals<T> Of<T>(GroupLearningTotals<T> t) =>
        new(t.Key, t.Minutes, t.Sessions, t.LessonsCompleted, t.Assessments, t.Assessments == 0 ? null : t.AssessmentScoreHundredths / 100m / t.Assessments,
            t.ActiveStudents);

    public Task<Dictionary<Guid, (string Code, string Name)>> LearningAreasAsync(CancellationToken ct) => stats.AreasAsync(ct);

    /// <summary>c => new StudentKey { StudentId = c.StudentId, Key = key(c) }, as an expression the database runs.</summary>
    private static Expression<Func<SponsoredChildRow, StudentKey<TKey>>> Keyed<TKey>(Expression<Func<SponsoredChildRow, TKey>> key)
    {
        var c = key.Parameters[0];
        var body = Expression.MemberInit(Expression.New(typeof(StudentKey<TKey>)),
            Expression.Bind(typeof(StudentKey<TKey>).GetProperty(nameof(StudentKey<TKey>.StudentId))!,
                Expression.Property(c, nameof(SponsoredChildRow.StudentId))),
            Expression.Bind(typeof(StudentKey<TKey>).GetProperty(nameof(StudentKey<TKey>.Key))!, key.Body));
        return Expression.Lambda<Func<SponsoredChildRow, StudentKey<TKey>>>(body, c);
    }
}

/// <summary>A group's learning over a span: sums, the average assessment score (null without assessments), the children with a session.</summary>
public sealed record CohortTotals<TKey>(TKey Key, int Minutes, int Sessions, int LessonsCompleted, int Assessments, decimal? AverageScore, int ActiveChildren);

/// <summary>A child's average score in one area before the span (its baseline) and within it; null where it had no assessment.</summary>
public sealed record ChildAreaBaseline(Guid StudentId, Guid LearningAreaId, decimal? Baseline, decimal? Period);
