namespace Elimu.Api.Partners.Analytics.Reports;

/// <summary>
/// A partner's saved custom report: a definition made of data (filters, metric keys, a dimension to group by, a chart
/// type), each key checked against <see cref="ReportCatalog"/> when saved and again when run; never query text.
/// </summary>
public class PartnerCustomReport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public ReportDefinition Definition { get; set; } = new();
    public Guid? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? LastRunAt { get; set; }
}

public record ReportDefinition
{
    public ReportFilters Filters { get; set; } = new();
    /// <summary>Keys of <see cref="ReportCatalog.Metrics"/>, in the order of the table's columns.</summary>
    public List<string> Metrics { get; set; } = [];
    /// <summary>A key of <see cref="ReportCatalog.Dimensions"/>.</summary>
    public string GroupBy { get; set; } = ReportCatalog.NoGrouping;
    /// <summary>One of <see cref="ReportCatalog.ChartTypes"/>.</summary>
    public string ChartType { get; set; } = "bar";
}

/// <summary>Empty lists mean "all". The span is either From..To or the last <see cref="LastDays"/> days up to the run (default 90).</summary>
public record ReportFilters
{
    public List<Guid> ProgramIds { get; set; } = [];
    public List<string> Grades { get; set; } = [];
    public List<string> Counties { get; set; } = [];
    /// <summary>Learning-area codes (MATH, ENG, ...).</summary>
    public List<string> LearningAreas { get; set; } = [];
    /// <summary>Sponsored-child statuses (ACTIVE, PAUSED, GRADUATED: the ones whose data may be shown).</summary>
    public List<string> Statuses { get; set; } = [];
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public int? LastDays { get; set; }
}
