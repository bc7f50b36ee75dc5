namespace Elimu.Api.Partners.Analytics.Reports;

/// <summary>What a figure is: a count, a decimal quantity, or a percentage.</summary>
public enum MetricKind { count, number, percent }

/// <summary>A figure a report may show; <see cref="PerChildOnly"/> ones count children, so they group only by the child's own traits.</summary>
public sealed record ReportMetric(string Key, string Label, MetricKind Kind, bool PerChildOnly, string Description);

/// <summary>A way to group rows: by a trait of the child, a learning area, or a span of days.</summary>
public sealed record ReportDimension(string Key, string Label, bool OfChild);

/// <summary>The known metrics, dimensions and chart types: the whole vocabulary a definition may use.</summary>
public static class ReportCatalog
{
    public const string NoGrouping = "none";
    public const int MaxNameLength = 120;
    public const int MaxDescriptionLength = 1000;
    public const int MaxFilterItems = 100;
    public const int DefaultDays = 90;
    public const int MaxDays = 366;

    public static readonly IReadOnlyList<ReportMetric> Metrics =
    [
        new("consented_children", "Consented children", MetricKind.count, true, "Children whose guardians' consent lets their data be shown."),
        new("active_children", "Active children", MetricKind.count, false, "Children with at least one learning session in the span."),
        new("learning_hours", "Learning hours", MetricKind.number, false, "Hours of learning sessions."),
        new("minutes_per_active_child", "Minutes per active child", MetricKind.number, false, "Learning minutes divided by the active children."),
        new("sessions", "Sessions", MetricKind.count, false, "Learning sessions."),
        new("lessons_completed", "Lessons completed", MetricKind.count, false, "Lessons completed in the span."),
        new("assessments", "Assessments", MetricKind.count, false, "Assessments taken in the span."),
        new("average_score", "Average score (%)", MetricKind.percent, false, "Average assessment score."),
    ];

    public static readonly IReadOnlyList<ReportDimension> Dimensions =
    [
        new(NoGrouping, "No grouping", true),
        new("program", "Program", true),
        new("grade", "Grade", true),
        new("county", "County", true),
        new("status", "Status", true),
        new("learning_area", "Learning area", false),
        new("month", "Month", false),
        new("week", "Week", false),
    ];

    public static readonly IReadOnlyList<string> ChartTypes = ["bar", "line", "pie", "table"];

    public static ReportMetric? Metric(string key) => Metrics.FirstOrDefault(m => m.Key == key);
    public static ReportDimension? Dimension(string key) => Dimensions.FirstOrDefault(d => d.Key == key);
}
