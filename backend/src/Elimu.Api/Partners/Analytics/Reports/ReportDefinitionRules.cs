using Elimu.Api.Common;
using Elimu.Api.Partners.Sponsorships;

namespace Elimu.Api.Partners.Analytics.Reports;

/// <summary>
/// Checks a definition against <see cref="ReportCatalog"/>, the partner's own programs and the known learning areas: a
/// 422 names each wrong field (<c>definition.metrics[1]</c>), so nothing unknown is ever saved or run.
/// </summary>
public static class ReportDefinitionRules
{
    private static readonly string[] Grades = Enum.GetNames<Platform.Students.CbcGrade>();
    private static readonly string[] Statuses = Enum.GetNames<SponsoredChildStatus>();

    public static void Check(SaveReportRequest body, IReadOnlyCollection<Guid> partnerPrograms, IReadOnlyCollection<string> areaCodes)
    {
        var v = new Validation()
            .Check(!string.IsNullOrWhiteSpace(body.Name), "name", "Give the report a name.")
            .Text("name", body.Name, ReportCatalog.MaxNameLength)
            .Text("description", body.Description, ReportCatalog.MaxDescriptionLength);
        if (body.Definition is not { } d)
        {
            v.Add("definition", "Give the report's definition: metrics, grouping, chart and filters.");
            Throw(v);
            return;
        }
        var metrics = d.Metrics ?? [];
        v.Check(metrics.Count > 0, "definition.metrics", "Choose at least one metric.")
            .Check(metrics.Distinct().Count() == metrics.Count, "definition.metrics", "Choose each metric once.");
        var dimension = ReportCatalog.Dimension(d.GroupBy ?? "");
        v.Check(dimension is not null, "definition.groupBy",
            $"Unknown grouping '{d.GroupBy}'; choose one of {string.Join(", ", ReportCatalog.Dimensions.Select(x => x.Key))}.");
        for (var i = 0; i < metrics.Count; i++)
        {
            var metric = ReportCatalog.Metric(metrics[i] ?? "");
            if (metric is null)
                v.Add($"definition.metrics[{i}]", $"Unknown metric '{metrics[i]}'; choose from {string.Join(", ", ReportCatalog.Metrics.Select(m => m.Key))}.");
            else if (metric.PerChildOnly && dimension is { OfChild: false })
                v.Add($"definition.metrics[{i}]", $"'{metric.Label}' counts children, so it groups only by program, grade, county or status.");
        }
        v.Check(ReportCatalog.ChartTypes.Contains(d.ChartType ?? ""), "definition.chartType",
            $"Unknown chart type '{d.ChartType}'; choose one of {string.Join(", ", ReportCatalog.ChartTypes)}.");

        var f = d.Filters ?? new ReportFilters();
        Each(v, "definition.filters.programIds", f.ProgramIds, p => partnerPrograms.Contains(p), "is not one of your programs");
        Each(v, "definition.filters.grades", f.Grades, g => Grades.Contains(g), "is not a CBC grade");
        Each(v, "definition.filters.counties", f.Counties, c => !string.IsNullOrWhiteSpace(c) && c.Length <= 60, "is not a county name");
        Each(v, "definition.filters.learningAreas", f.LearningAreas, a => areaCodes.Contains(a), "is not a learning-area code");
        Each(v, "definition.filters.statuses", f.Statuses, s => Statuses.Contains(s), "is not a child status");
        v.Date("definition.filters.from", f.From).Date("definition.filters.to", f.To)
            .Check(f.From is null == f.To is null, "definition.filters.from", "Give both ends of the span, or neither.")
            .Check(f.From is null || f.To is null || f.From <= f.To, "definition.filters.from", "Choose a start on or before the end.")
            .Check(f.From is null || f.To is null || f.To.Value.DayNumber - f.From.Value.DayNumber < ReportCatalog.MaxDays, "definition.filters.to",
                $"Choose a span of at most {ReportCatalog.MaxDays} days.")
            .Within("definition.filters.lastDays", f.LastDays, 1, ReportCatalog.MaxDays)
            .Check(f.LastDays is null || f.From is null, "definition.filters.lastDays", "Choose either the last days or a start and an end.");
        Throw(v);
    }

    private static void Each<T>(Validation v, string field, List<T>? items, Func<T, bool> known, string why)
    {
        if (items is null) return;
        v.Check(items.Count <= ReportCatalog.MaxFilterItems, field, $"Choose at most {ReportCatalog.MaxFilterItems}.");
        for (var i = 0; i < items.Count && i < ReportCatalog.MaxFilterItems; i++)
            if (items[i] is null || !known(items[i])) v.Add($"{field}[{i}]", $"'{items[i]}' {why}.");
    }

    private static void Throw(Validation v)
    {
        try { v.ThrowIfInvalid(); }
        catch (ValidationFailedException e) { throw new ValidationFailedException(e.Errors, StatusCodes.Status422UnprocessableEntity); }
    }

    /// <summary>The definition as saved: nulls made empty, texts trimmed.</summary>
    public static ReportDefinition Normalise(ReportDefinition d) => new()
    {
        Metrics = [.. d.Metrics],
        GroupBy = d.GroupBy,
        ChartType = d.ChartType,
        Filters = new ReportFilters
        {
            ProgramIds = [.. d.Filters?.ProgramIds ?? []],
            Grades = [.. d.Filters?.Grades ?? []],
            Counties = [.. (d.Filters?.Counties ?? []).Select(c => c.Trim())],
            LearningAreas = [.. d.Filters?.LearningAreas ?? []],
            Statuses = [.. d.Filters?.Statuses ?? []],
            From = d.Filters?.From,
            To = d.Filters?.To,
            LastDays = d.Filters?.LastDays,
        },
    };
}
