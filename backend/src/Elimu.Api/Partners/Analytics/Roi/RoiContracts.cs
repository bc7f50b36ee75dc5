namespace Elimu.Api.Partners.Analytics.Roi;

/// <summary>The span asked for (default: the 90 Nairobi days ending today) and, optionally, one program.</summary>
public sealed record RoiQuery(DateOnly? From, DateOnly? To, Guid? ProgramId);

public sealed record DaySpan(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;
    /// <summary>The span of the same length that ends the day before this one starts.</summary>
    public DaySpan Before() => new(From.AddDays(-Days), From.AddDays(-1));
}

/// <summary>Return on investment for one span, over the consented children only; a cost is null when its divisor is zero.</summary>
public sealed record RoiFigures(
    DaySpan Period,
    int ConsentedChildren,
    int ActiveChildren,
    decimal LearningHours,
    int RubricLevelsGained,
    decimal Spent,
    decimal? Budget,
    decimal? CostPerChild,
    decimal? CostPerActiveHour,
    decimal? CostPerRubricLevel,
    /// <summary>Spent as a percentage of the span's share of the budget.</summary>
    decimal? BudgetUsedPercent,
    /// <summary>Children assessed in an area both before the span and in it whose average rose by 2 points or more.</summary>
    decimal? ImprovingShare,
    List<AreaImprovement> Areas,
    List<EngagementWeek> Engagement);

/// <summary>Per learning area: children with a baseline and an assessment in the span, those improving, their share (percent).</summary>
public sealed record AreaImprovement(string Code, string Name, int ChildrenCompared, int Improving, decimal? ImprovingShare);

/// <summary>A week of the span (the last may be shorter): minutes, children with a session, and both per consented child.</summary>
public sealed record EngagementWeek(DateOnly WeekStart, int Minutes, int ActiveChildren, decimal ActiveShare, decimal MinutesPerChild);

/// <summary>The span and the one before it, side by side, in the budget's currency.</summary>
public sealed record RoiResponse(Guid? ProgramId, string Currency, RoiFigures Current, RoiFigures Previous);
