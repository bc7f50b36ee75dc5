namespace Elimu.Api.Platform.Learning;

/// <summary>CBC rubric: Exceeding, Meeting, Approaching, Below Expectations.</summary>
public enum RubricLevel { EE, ME, AE, BE }

/// <summary>The seven CBC core competencies.</summary>
public enum CoreCompetency
{
    communication_and_collaboration,
    critical_thinking_and_problem_solving,
    imagination_and_creativity,
    citizenship,
    digital_literacy,
    learning_to_learn,
    self_efficacy,
}

public enum LessonStatus { not_started, in_progress, completed }

public enum AchievementKind { certificate, badge, milestone }

public enum DeviceKind { mobile, tablet, desktop, shared_lab }
