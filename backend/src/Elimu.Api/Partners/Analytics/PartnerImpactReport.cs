using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Analytics;

public class PartnerImpactReport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public AppUser? Partner { get; set; }
    public Guid? ProgramId { get; set; }
    public SponsorshipProgram? Program { get; set; }
    public ReportType ReportType { get; set; }
    public string Title { get; set; } = "";
    /// <summary>AI-written narrative over <see cref="Metrics"/>.</summary>
    public string? Summary { get; set; }
    public ImpactMetrics Metrics { get; set; } = new();
    public ImpactInsights AiInsights { get; set; } = new();
    public DateTime GeneratedAt { get; set; }
    public DateTime? ExportedAt { get; set; }
    public ExportFormat? ExportFormat { get; set; }
    public string? ExportUrl { get; set; }
}

public enum ReportType { monthly, termly, annual, custom }

public enum ExportFormat { pdf, csv, xlsx }

/// <summary>Figures computed by code from the database for the report's period.</summary>
public record ImpactMetrics
{
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }
    public int ChildrenSponsored { get; set; }
    public int ChildrenWithConsent { get; set; }
    public int LessonsCompleted { get; set; }
    public decimal AverageWeeklyMinutes { get; set; }
    public decimal AverageScore { get; set; }
    public decimal ScoreChange { get; set; }
    public int RubricExceeding { get; set; }
    public int RubricMeeting { get; set; }
    public int RubricApproaching { get; set; }
    public int RubricBelow { get; set; }
    public decimal AmountSpent { get; set; }
    public string Currency { get; set; } = "KES";
}

public record ImpactInsights
{
    public List<string> Highlights { get; set; } = [];
    public List<string> Recommendations { get; set; } = [];
    public string? Provider { get; set; }
    public string? Model { get; set; }
}
