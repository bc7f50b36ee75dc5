namespace Elimu.Api.Platform.Learning.Insights;

/// <summary>The CBC's own words for rubric levels and core competencies, as parents and teachers read them.</summary>
internal static class CbcLabels
{
    public static string Of(RubricLevel level) => level switch
    {
        RubricLevel.EE => "Exceeding Expectations",
        RubricLevel.ME => "Meeting Expectations",
        RubricLevel.AE => "Approaching Expectations",
        RubricLevel.BE => "Below Expectations",
        _ => level.ToString(),
    };

    /// <summary>BE = 1, AE = 2, ME = 3, EE = 4: the order in which levels compare.</summary>
    public static int Rank(RubricLevel level) => level switch
    {
        RubricLevel.BE => 1,
        RubricLevel.AE => 2,
        RubricLevel.ME => 3,
        RubricLevel.EE => 4,
        _ => 0,
    };

    public static string Of(CoreCompetency competency) => competency switch
    {
        CoreCompetency.communication_and_collaboration => "Communication and collaboration",
        CoreCompetency.critical_thinking_and_problem_solving => "Critical thinking and problem solving",
        CoreCompetency.imagination_and_creativity => "Imagination and creativity",
        CoreCompetency.citizenship => "Citizenship",
        CoreCompetency.digital_literacy => "Digital literacy",
        CoreCompetency.learning_to_learn => "Learning to learn",
        CoreCompetency.self_efficacy => "Self-efficacy",
        _ => competency.ToString(),
    };
}
