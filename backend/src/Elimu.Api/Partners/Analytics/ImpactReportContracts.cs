namespace Elimu.Api.Partners.Analytics;

/// <summary>
/// Asks for an impact report. <see cref="Period"/> is monthly, termly (a school term of Billing:Terms), annual (a
/// calendar year) or custom; for the first three <see cref="From"/> may name any day of the wanted period (default:
/// today), for custom <see cref="From"/> and <see cref="To"/> are its first and last days. A period that has not ended
/// is reported to today. No <see cref="ProgramId"/> means all the partner's programs.
/// </summary>
public sealed record GenerateImpactReportRequest(Guid? ProgramId, string? Period, DateOnly? From, DateOnly? To);

/// <summary>A report asked for: its id and where its progress and result are read.</summary>
public sealed record ImpactReportAccepted(Guid Id, ImpactReportStatus Status, int Progress, string ProgressUrl, string ReportUrl, string CancelUrl);

/// <summary>The job's state of a report, as pushed to the page (event "impactReport") and answered to polling.</summary>
public sealed record ImpactReportProgress(Guid Id, ImpactReportStatus Status, int Progress, string? Stage, string? Error);

public sealed record ImpactReportSummary(Guid Id, string Title, Guid? ProgramId, string? ProgramName, ReportType ReportType,
    DateOnly? PeriodStart, DateOnly? PeriodEnd, ImpactReportStatus Status, int Progress, DateTime GeneratedAt, DateTime? CompletedAt,
    ExportFormat? ExportFormat, DateTime? ExportedAt);

/// <summary>A report with its figures (computed by code) and its narrative (written by <see cref="Provider"/>'s <see cref="Model"/> at <see cref="NarrativeGeneratedAt"/>).</summary>
public sealed record ImpactReportDetail(Guid Id, string Title, Guid? ProgramId, string? ProgramName, ReportType ReportType,
    ImpactReportStatus Status, int Progress, string? Stage, string? Error, DateTime GeneratedAt, DateTime? CompletedAt,
    ImpactMetrics Metrics, ImpactBreakdown Breakdown, string? Summary, IReadOnlyList<string> Highlights, IReadOnlyList<string> Recommendations,
    string? Provider, string? Model, DateTime? NarrativeGeneratedAt);

public sealed record ImpactReportListQuery(int? Page, int? PageSize, Guid? ProgramId);
