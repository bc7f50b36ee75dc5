using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Analytics;

public class PartnerImpactReport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public AppUser? Partner { get; set; }
    public Guid? ProgramId { get; set; }
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

    // The background job's state (ImpactReportJob): a report is asked for (queued), computed (running, with its
    // progress), then completed, failed or cancelled. Demo and older rows are completed.
    public ImpactReportStatus Status { get; set; } = ImpactReportStatus.queued;
    /// <summary>0 to 100.</summary>
    public int Progress { get; set; }
    public string? Stage { get; set; }
    public Guid? RequestedBy { get; set; }
    /// <summary>UTC; when the running instance last showed it is alive (a stale running report is taken over).</summary>
    public DateTime? HeartbeatAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public string? Error { get; set; }
    /// <summary>The figures per learning area, competency and week, computed with <see cref="Metrics"/>.</summary>
    public ImpactBreakdown Breakdown { get; set; } = new();
}

public enum ImpactReportStatus { queued, running, completed, failed, cancelled }

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
    /// <summary>Consented children with at least one learning session in the period.</summary>
    public int ChildrenReached { get; set; }
    public decimal ActiveLearningHours { get; set; }
    public int Sessions { get; set; }
    public int Assessments { get; set; }
    public int AchievementsEarned { get; set; }
    /// <summary>Share of consented children reached, in percent.</summary>
    public decimal EngagementRate { get; set; }
    /// <summary><see cref="AmountSpent"/> per child reached; null when no child was reached.</summary>
    public decimal? CostPerChild { get; set; }
}

public record ImpactInsights
{
    public List<string> Highlights { get; set; } = [];
    public List<string> Recommendations { get; set; } = [];
    public string? Provider { get; set; }
    public string? Model { get; set; }
    /// <summary>When the provider wrote the narrative (UTC).</summary>
    public DateTime? GeneratedAt { get; set; }
}

/// <summary>The report's figures per learning area, core competency and learning week (stored as JSON).</summary>
public sealed record ImpactBreakdown
{
    public List<AreaMovement> Areas { get; init; } = [];
    public List<CompetencyMovement> Competencies { get; init; } = [];
    public List<WeekEngagement> Weeks { get; init; } = [];
}

/// <summary>
/// A learning area's assessments in the period against the previous period of the same length: average score and how
/// many were at each CBC rubric level (EE, ME, AE, BE).
/// </summary>
public sealed record AreaMovement(string LearningArea, int Assessments, decimal? AverageScore, decimal? PreviousAverageScore,
    int Exceeding, int Meeting, int Approaching, int Below, int PreviousExceeding, int PreviousMeeting, int PreviousApproaching, int PreviousBelow)
{
    /// <summary>Share of the period's assessments at Meeting or Exceeding, in percent, against the previous period's.</summary>
    public decimal? MeetingOrAbove => Share(Exceeding + Meeting, Exceeding + Meeting + Approaching + Below);
    public decimal? PreviousMeetingOrAbove => Share(PreviousExceeding + PreviousMeeting, PreviousExceeding + PreviousMeeting + PreviousApproaching + PreviousBelow);

    private static decimal? Share(int part, int whole) => whole == 0 ? null : Math.Round(part * 100m / whole, 1);
}

/// <summary>A core competency's average rating (1 = BE … 4 = EE) in the period and the previous one.</summary>
public sealed record CompetencyMovement(string Competency, int Ratings, decimal? Average, decimal? PreviousAverage);

/// <summary>One learning week (Monday first) of the period: minutes and children who learned.</summary>
public sealed record WeekEngagement(DateOnly WeekStart, int Minutes, int ActiveChildren);
