namespace Elimu.Api.Partners.Sponsorships;

/// <summary>
/// Who a program would like to sponsor (issue 20). Every list empty means no preference. They rank students (available
/// students with <c>rankFor</c>, substitutes) and never narrow them. Learning needs and schools count in the ranking but
/// are never named in a reason, as a preview never shows them before consent.
/// </summary>
public record ProgramPreferences
{
    /// <summary>CBC grade names (GRADE_5, ...).</summary>
    public List<string> Grades { get; set; } = [];
    public List<string> Counties { get; set; } = [];
    public List<string> Schools { get; set; } = [];
    /// <summary>female or male; null for either.</summary>
    public string? Gender { get; set; }
    public List<string> LearningNeeds { get; set; } = [];
    public GreatestNeed GreatestNeed { get; set; } = GreatestNeed.none;
}
