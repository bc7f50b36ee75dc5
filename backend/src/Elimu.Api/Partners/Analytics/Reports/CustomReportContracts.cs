namespace Elimu.Api.Partners.Analytics.Reports;

public sealed record SaveReportRequest(string? Name, string? Description, ReportDefinition? Definition);

public sealed record ReportResponse(Guid Id, string Name, string? Description, ReportDefinition Definition, DateTime CreatedAt,
    DateTime UpdatedAt, DateTime? LastRunAt);

/// <summary>What the builder offers: the known metrics, dimensions and chart types.</summary>
public sealed record ReportCatalogResponse(IReadOnlyList<ReportMetric> Metrics, IReadOnlyList<ReportDimension> Dimensions, IReadOnlyList<string> ChartTypes);

public sealed record ReportListResponse(List<ReportResponse> Items, int Page, int PageSize, int Total, ReportCatalogResponse Catalog);

public sealed record ReportListQuery(int? Page, int? PageSize);

public sealed record ReportColumn(string Key, string Label, MetricKind Kind);

/// <summary>One group's figures, by metric key (null where the figure has no value, as an average of nothing).</summary>
public sealed record ReportRow(string Key, string Label, Dictionary<string, decimal?> Values);

/// <summary>A run of a definition: the span it covered, a row per group and the totals over all of them.</summary>
public sealed record ReportRunResponse(Guid ReportId, string Name, DateOnly From, DateOnly To, string GroupBy, string GroupLabel,
    string ChartType, List<ReportColumn> Columns, List<ReportRow> Rows, Dictionary<string, decimal?> Totals, DateTime GeneratedAt);
