namespace Elimu.Api.Partners.Sponsorships;

// Typed shapes of the sponsorship JSON columns.

/// <summary>An aim the partner sets for the whole program.</summary>
public record ProgramGoal
{
    public string Title { get; set; } = "";
    public string? Metric { get; set; }
    public decimal? Target { get; set; }
}

/// <summary>A partner-set goal for one child; progress is computed from learning records, never stored.</summary>
public record ChildGoal
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public ChildGoalKind Kind { get; set; }
    /// <summary>Learning area code for rubric goals.</summary>
    public string? LearningAreaCode { get; set; }
    /// <summary>EE/ME/AE/BE for rubric goals; a number for the others.</summary>
    public string Target { get; set; } = "";
    public DateOnly? DueDate { get; set; }
}

/// <summary>A milestone suggested from the child's data (and narrated by AI).</summary>
public record AiMilestone
{
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public DateOnly? TargetDate { get; set; }
    public bool Achieved { get; set; }
    public string? Provider { get; set; }
}
