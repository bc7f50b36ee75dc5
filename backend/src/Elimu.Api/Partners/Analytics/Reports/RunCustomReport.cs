using System.Linq.Expressions;
using Elimu.Api.Common;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Students;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Analytics.Reports;

/// <summary>
/// Runs a saved definition over the consent gate's children (<see cref="CohortLearning"/>): one grouped query on the
/// rollups, one more for the totals when groups overlap (areas, months, weeks), and one to count children when asked.
/// The definition is checked again first, as a program may have gone since it was saved.
/// </summary>
public sealed class RunCustomReport(CohortLearning cohort, ProgramStore programs, TimeProvider clock)
{
    private sealed record Group(string Key, string Label, int Order, CohortTotals<int>? Learning, int? Children);

    public async Task<ReportRunResponse> RunAsync(Guid partnerId, PartnerCustomReport report, CancellationToken ct)
    {
        var d = report.Definition;
        var names = (await programs.OfPartnerAsync(partnerId, ct)).ToDictionary(p => p.Id, p => p.Name);
        var areas = await cohort.LearningAreasAsync(ct);
        ReportDefinitionRules.Check(new SaveReportRequest(report.Name, report.Description, d), names.Keys, areas.Values.Select(a => a.Code).ToList());

        var today = NairobiTime.Today(clock);
        var f = d.Filters;
        var (from, to) = f.From is { } a && f.To is { } b ? (a, b) : (today.AddDays(-((f.LastDays ?? ReportCatalog.DefaultDays) - 1)), today);
        var areaIds = f.LearningAreas.Count == 0 ? null : areas.Where(x => f.LearningAreas.Contains(x.Value.Code)).Select(x => x.Key).ToList();
        var filter = Filter(f);
        var countChildren = d.Metrics.Contains("consented_children");

        List<Group> groups = d.GroupBy switch
        {
            "program" => await ByChildAsync(partnerId, filter, c => c.ProgramId, k => k.ToString(), k => names.GetValueOrDefault(k, "Program"),
                k => 0, from, to, areaIds, countChildren, ct),
            "grade" => await ByChildAsync(partnerId, filter, c => c.Grade, k => k.ToString(), k => k.ToString(), k => (int)k, from, to, areaIds, countChildren, ct),
            "county" => await ByChildAsync(partnerId, filter, c => c.County, k => k, k => k, k => 0, from, to, areaIds, countChildren, ct),
            "status" => await ByChildAsync(partnerId, filter, c => c.Status, k => k.ToString(), k => k.ToString(), k => (int)k, from, to, areaIds, countChildren, ct),
            "learning_area" => [.. (await cohort.ByAreaAsync(partnerId, filter, from, to, areaIds, ct)).Select(t =>
                new Group(areas.GetValueOrDefault(t.Key).Code ?? t.Key.ToString(), areas.GetValueOrDefault(t.Key).Name ?? "Unknown area", 0, Recast(t), null))],
            "month" or "week" => await ByTimeAsync(partnerId, filter, d.GroupBy, from, to, areaIds, ct),
            _ => await ByChildAsync(partnerId, filter, c => 0, k => "all", k => "All children", k => 0, from, to, areaIds, countChildren, ct),
        };
        groups = [.. groups.OrderBy(g => g.Order).ThenBy(g => g.Label, StringComparer.Ordinal)];

        Group total;
        if (ReportCatalog.Dimension(d.GroupBy)!.OfChild)
            total = new Group("total", "Total", 0, Sum(groups.Select(g => g.Learning)), countChildren ? groups.Sum(g => g.Children ?? 0) : null);
        else
            total = new Group("total", "Total", 0, (await cohort.ByGroupAsync(partnerId, filter, c => 0, from, to, areaIds, ct)).SingleOrDefault(), null);

        var columns = d.Metrics.Select(k => ReportCatalog.Metric(k)!).Select(m => new ReportColumn(m.Key, m.Label, m.Kind)).ToList();
        var dimension = ReportCatalog.Dimension(d.GroupBy)!;
        return new ReportRunResponse(report.Id, report.Name, from, to, d.GroupBy, dimension.Label, d.ChartType, columns,
            [.. groups.Select(g => new ReportRow(g.Key, g.Label, Values(d.Metrics, g)))], Values(d.Metrics, total), clock.GetUtcNow().UtcDateTime);
    }

    private static CohortLearning.Narrow Filter(ReportFilters f)
    {
        var programIds = f.ProgramIds;
        var grades = f.Grades.Select(Enum.Parse<CbcGrade>).ToList();
        var counties = f.Counties;
        var statuses = f.Statuses.Select(Enum.Parse<SponsoredChildStatus>).ToList();
        return c =>
        {
            if (programIds.Count > 0) c = c.Where(x => programIds.Contains(x.ProgramId));
            if (grades.Count > 0) c = c.Where(x => grades.Contains(x.Grade));
            if (counties.Count > 0) c = c.Where(x => counties.Contains(x.County));
            if (statuses.Count > 0) c = c.Where(x => statuses.Contains(x.Status));
            return c;
        };
    }

    private async Task<List<Group>> ByChildAsync<TKey>(Guid partnerId, CohortLearning.Narrow filter, Expression<Func<SponsoredChildRow, TKey>> key,
        Func<TKey, string> keyText, Func<TKey, string> label, Func<TKey, int> order, DateOnly from, DateOnly to, IReadOnlyCollection<Guid>? areaIds,
        bool countChildren, CancellationToken ct) where TKey : notnull
    {
        var learning = (await cohort.ByGroupAsync(partnerId, filter, key, from, to, areaIds, ct)).ToDictionary(t => t.Key);
        var children = countChildren
            ? await cohort.Children(partnerId, filter).GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct)
            : [];
        return [.. learning.Keys.Union(children.Keys).Select(k => new Group(keyText(k), label(k), order(k),
            learning.TryGetValue(k, out var t) ? Recast(t) : null, countChildren ? children.GetValueOrDefault(k) : null))];
    }

    private async Task<List<Group>> ByTimeAsync(Guid partnerId, CohortLearning.Narrow filter, string groupBy, DateOnly from, DateOnly to,
        IReadOnlyCollection<Guid>? areaIds, CancellationToken ct)
    {
        var starts = new List<DateOnly> { from };
        for (var next = NextStart(groupBy, from); next <= to; next = NextStart(groupBy, next)) starts.Add(next);
        var totals = (await cohort.ByBucketAsync(partnerId, filter, starts, to, areaIds, ct)).ToDictionary(t => t.Key);
        // Every span is a row, an empty one too, so a line chart shows the gap.
        return [.. starts.Select((s, i) => new Group(s.ToString("yyyy-MM-dd"), groupBy == "month" ? s.ToString("MMM yyyy") : $"Week of {s:d MMM yyyy}", i,
            totals.GetValueOrDefault(i), null))];
    }

    private static DateOnly NextStart(string groupBy, DateOnly day) =>
        groupBy == "month" ? new DateOnly(day.Year, day.Month, 1).AddMonths(1) : day.AddDays(7);

    private static CohortTotals<int> Recast<T>(CohortTotals<T> t) =>
        new(0, t.Minutes, t.Sessions, t.LessonsCompleted, t.Assessments, t.AverageScore, t.ActiveChildren);

    /// <summary>Child groups do not overlap, so their sums are the totals; the average is weighted by assessments.</summary>
    private static CohortTotals<int>? Sum(IEnumerable<CohortTotals<int>?> groups)
    {
        var all = groups.OfType<CohortTotals<int>>().ToList();
        if (all.Count == 0) return null;
        var assessments = all.Sum(g => g.Assessments);
        var scoreSum = all.Sum(g => (g.AverageScore ?? 0) * g.Assessments);
        return new(0, all.Sum(g => g.Minutes), all.Sum(g => g.Sessions), all.Sum(g => g.LessonsCompleted), assessments,
            assessments == 0 ? null : scoreSum / assessments, all.Sum(g => g.ActiveChildren));
    }

    private static Dictionary<string, decimal?> Values(IEnumerable<string> metrics, Group g) => metrics.ToDictionary(m => m, m => Value(m, g));

    /// <summary>The one definition of each metric, from a group's totals.</summary>
    public static decimal? Value(string metric, CohortTotals<int>? t, int? children) => metric switch
    {
        "consented_children" => children ?? 0,
        "active_children" => t?.ActiveChildren ?? 0,
        "learning_hours" => Math.Round((t?.Minutes ?? 0) / 60m, 1),
        "minutes_per_active_child" => t is { ActiveChildren: > 0 } ? Math.Round((decimal)t.Minutes / t.ActiveChildren, 1) : null,
        "sessions" => t?.Sessions ?? 0,
        "lessons_completed" => t?.LessonsCompleted ?? 0,
        "assessments" => t?.Assessments ?? 0,
        "average_score" => t?.AverageScore is { } s ? Math.Round(s, 1) : null,
        _ => null,
    };

    private static decimal? Value(string metric, Group g) => Value(metric, g.Learning, g.Children);
}
