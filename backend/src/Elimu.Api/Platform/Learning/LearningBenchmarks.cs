using Elimu.Api.Data;
using Elimu.Api.Platform.Learning.Rollups;
using Elimu.Api.Platform.Students;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Learning;

/// <summary>One group's distribution of a measure: a learning area's average score per student, or minutes per week.</summary>
/// <param name="Area">The learning area, or <see cref="LearningDayRollup.NoArea"/> for engagement (minutes per week).</param>
/// <param name="Students">Students with a value (for an area: those assessed in it in the window; for minutes: all, idle ones at 0).</param>
/// <param name="MedianRank">Platform rows only: the percentile rank, among the platform's values, of the cohort's median (ties count half).</param>
public sealed record GroupDistribution(string Group, Guid Area, int Students, double P25, double P50, double P75, double? MedianRank);

/// <summary>
/// Percentiles over the daily rollups, computed by the database (SQLite and PostgreSQL alike: window functions and
/// integer arithmetic only). A percentile interpolates linearly between the two nearest ranks (the "type 7" of R and
/// numpy's default): position p·(n − 1) in the sorted values.
/// </summary>
public sealed class LearningBenchmarks(AppDbContext db)
{
    public const string Cohort = "cohort";
    public const string Platform = "platform";

    /// <summary>Students among <paramref name="students"/> with at least one session from <paramref name="from"/> to <paramref name="to"/> (Nairobi days, inclusive).</summary>
    public Task<int> LearnersAsync(IQueryable<Guid> students, DateOnly from, DateOnly to, CancellationToken ct) =>
        db.LearningDayRollups.Where(r => students.Contains(r.StudentId) && r.Day >= from && r.Day <= to && r.Sessions > 0)
            .Select(r => r.StudentId).Distinct().CountAsync(ct);

    public Task<Dictionary<Guid, string>> AreaNamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.LearningAreas.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);

    /// <summary>
    /// The distributions of the cohort's students and of the platform's students in <paramref name="grades"/> and
    /// <paramref name="counties"/> (except <paramref name="notPlatform"/>), per learning area (average assessment score
    /// over the window) and for engagement (minutes per week over <paramref name="weeks"/> weeks ending <paramref name="to"/>).
    /// One statement.
    /// </summary>
    public async Task<List<GroupDistribution>> DistributionsAsync(IReadOnlyCollection<Guid> cohort, IReadOnlyCollection<CbcGrade> grades,
        IReadOnlyCollection<string> counties, IReadOnlyCollection<Guid> notPlatform, DateOnly to, int weeks, CancellationToken ct)
    {
        if (cohort.Count == 0) return [];
        var from = to.AddDays(-(LearningWeek.Days * weeks - 1));
        var parameters = new List<object>();
        string P(object value) { parameters.Add(value); return $"{{{parameters.Count - 1}}}"; }
        string In(IEnumerable<object> values) => string.Join(", ", values.Select(P));

        var real = db.Database.IsNpgsql() ? "double precision" : "REAL";
        var (fromP, toP, noArea) = (P(from), P(to), P(LearningDayRollup.NoArea));
        var excluded = notPlatform.Count == 0 ? "" : $" AND s.id NOT IN ({In(notPlatform.Cast<object>())})";
        var peers = grades.Count == 0 || counties.Count == 0 ? "" :
            $"UNION ALL SELECT s.id, '{Platform}' FROM students s WHERE s.grade IN ({In(grades.Select(g => (object)g.ToString()))}) " +
            $"AND s.county IN ({In(counties)}){excluded}";
        static string Percentile(int p) =>
            $"SUM(CASE WHEN i = (n - 1) * {p} / 100 THEN value * (100 - (n - 1) * {p} % 100) ELSE 0 END " +
            $"+ CASE WHEN i = (n - 1) * {p} / 100 + 1 THEN value * ((n - 1) * {p} % 100) ELSE 0 END) / 100";

        var sql = $"""
            WITH members AS (
              SELECT s.id AS student_id, '{Cohort}' AS grp FROM students s WHERE s.id IN ({In(cohort.Cast<object>())})
              {peers}
            ),
            vals AS (
              SELECT m.grp, r.learning_area_id AS area,
                     CAST(SUM(r.assessment_score_hundredths) AS {real}) / SUM(r.assessments) / 100 AS value
              FROM members m JOIN learning_daily_rollups r ON r.student_id = m.student_id
              WHERE r.day >= {fromP} AND r.day <= {toP} AND r.assessments > 0
              GROUP BY m.grp, r.learning_area_id, m.student_id
              UNION ALL
              SELECT m.grp, {noArea}, CAST(COALESCE(SUM(r.minutes), 0) AS {real}) / {weeks}
              FROM members m LEFT JOIN learning_daily_rollups r ON r.student_id = m.student_id AND r.day >= {fromP} AND r.day <= {toP}
              GROUP BY m.grp, m.student_id
            ),
            ranked AS (
              SELECT grp, area, value, ROW_NUMBER() OVER (PARTITION BY grp, area ORDER BY value) - 1 AS i,
                     COUNT(*) OVER (PARTITION BY grp, area) AS n
              FROM vals
            ),
            stats AS (
              SELECT grp, area, MAX(n) AS n, {Percentile(25)} AS p25, {Percentile(50)} AS p50, {Percentile(75)} AS p75
              FROM ranked GROUP BY grp, area
            )
            SELECT s.grp, s.area, s.n, s.p25, s.p50, s.p75,
              (SELECT CAST(SUM(CASE WHEN v.value < c.p50 THEN 1.0 WHEN v.value = c.p50 THEN 0.5 ELSE 0 END) AS {real}) * 100 / NULLIF(COUNT(*), 0)
               FROM stats c, vals v WHERE c.grp = '{Cohort}' AND c.area = s.area AND v.grp = '{Platform}' AND v.area = s.area) AS medianrank
            FROM stats s
            """;
        var rows = await db.Database.SqlQueryRaw<DistributionRow>(sql, [.. parameters]).ToListAsync(ct);
        return [.. rows.Select(r => new GroupDistribution(r.grp, r.area, (int)r.n, r.p25, r.p50, r.p75, r.grp == Platform ? r.medianrank : null))];
    }

    // Lower-case names: the columns are named alike whether or not a naming convention rewrites them.
#pragma warning disable IDE1006
    private sealed class DistributionRow
    {
        public string grp { get; init; } = "";
        public Guid area { get; init; }
        public long n { get; init; }
        public double p25 { get; init; }
        public double p50 { get; init; }
        public double p75 { get; init; }
        public double? medianrank { get; init; }
    }
#pragma warning restore IDE1006
}
