using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Learning.Insights;
using Elimu.Api.Platform.Students;

namespace Elimu.Api.Partners.ChildData;

/// <summary>Who the child is, as much as consent allows; shown above every tab (and alone when consent is missing).</summary>
public sealed record ChildHeader(Guid Id, Guid StudentId, Guid ProgramId, string ProgramName, SponsoredChildStatus Status,
    ChildConsentStatus ConsentStatus, string DisplayName, CbcGrade Grade, string County, string? School, DateOnly? DateOfBirth,
    DateTime EnrolledAt, string? Notes);

public sealed record ChildGoalInput(Guid? Id, ChildGoalKind? Kind, string? LearningAreaCode, string? Target, DateOnly? DueDate);

public sealed record ChildGoalsRequest(IReadOnlyList<ChildGoalInput>? Goals);

/// <summary>A partner-set goal with its progress computed from the child's learning records.</summary>
public sealed record ChildGoalResponse(ChildGoal Goal, GoalProgress Progress);

public sealed record ChildGoalsResponse(IReadOnlyList<ChildGoalResponse> Goals, IReadOnlyList<AiMilestone> AiMilestones);

/// <summary>
/// The AI Insights tab: the computed signals (never from a model) and what the orchestrator wrote from them, with the
/// provider, model and time of the writing (DESIGN.md §3: AI narrates, code computes).
/// </summary>
public sealed record ChildInsightsResponse(LearningSignals Signals, string Narrative, string LearningStyle, IReadOnlyList<string> Strengths,
    IReadOnlyList<string> Risks, IReadOnlyList<string> Tips, string Provider, string Model, DateTimeOffset GeneratedAt);
