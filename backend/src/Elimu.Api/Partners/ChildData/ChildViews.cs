using Elimu.Api.Partners.Shared;
using System.Security.Claims;
using Elimu.Api.Ai;
using Elimu.Api.Common;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Learning.Insights;
using Elimu.Api.Platform.Students;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.ChildData;

/// <summary>The child dashboard's tabs: each behind the consent gate, each a fixed number of queries.</summary>
public static class ChildViews
{
    public const int MaxGoals = 10;

    public static async Task<Ok<ChildHeader>> Header(Guid id, ClaimsPrincipal user, ChildAccess access, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var (child, status) = await access.OwnedAsync(partnerId, id, "header", ct);
        var s = child.Student;
        var visible = status == ChildConsentStatus.given;
        return TypedResults.Ok(new ChildHeader(child.Id, child.StudentId, child.ProgramId, child.ProgramName, child.Status, status,
            StudentDirectory.NameFor(s.FirstName, s.LastName, visible), s.Grade, s.County,
            visible ? s.School : null, visible ? s.DateOfBirth : null, child.EnrolledAt, visible ? child.Notes : null));
    }

    public static async Task<Ok<LearningJourney>> Progress(Guid id, ClaimsPrincipal user, ChildLearningGate gate, CancellationToken ct) =>
        TypedResults.Ok(await gate.JourneyAsync(user.PartnerId(), id, ct));

    public static async Task<Ok<ActivitySummary>> Activity(Guid id, ActivityPeriod? period, ClaimsPrincipal user, ChildLearningGate gate,
        CancellationToken ct) =>
        TypedResults.Ok(await gate.ActivityAsync(user.PartnerId(), id, period ?? ActivityPeriod.week, ct));

    public static async Task<Ok<AchievementList>> Achievements(Guid id, ClaimsPrincipal user, ChildLearningGate gate, CancellationToken ct) =>
        TypedResults.Ok(await gate.AchievementsAsync(user.PartnerId(), id, ct));

    public static async Task<Ok<ChildGoalsResponse>> Goals(Guid id, ClaimsPrincipal user, ChildLearningGate gate, CancellationToken ct) =>
        TypedResults.Ok(Describe(await gate.GoalsAsync(user.PartnerId(), id, "goals", null, ct)));

    public static async Task<Ok<ChildGoalsResponse>> SetGoals(Guid id, ChildGoalsRequest request, ClaimsPrincipal user,
        ChildLearningGate gate, CancellationToken ct)
    {
        var goals = await gate.GoalsAsync(user.PartnerId(), id, "goals.update", () => ValidateGoals(request.Goals ?? []), ct);
        return TypedResults.Ok(Describe(goals));
    }

    /// <summary>The signals come through the gate first: a child the partner may not see never reaches the orchestrator.</summary>
    public static async Task<Ok<ChildInsightsResponse>> Insights(Guid id, ClaimsPrincipal user, ChildLearningGate gate, IAiOrchestrator ai,
        CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var (signals, firstName) = await gate.SignalsAsync(partnerId, id, ct);
        var answer = await ai.RunAsync(new ChildInsightsTask(ChildInsightFacts.From(signals)), new AiRequest(partnerId), ct);
        var r = answer.Result;
        // The model wrote about "Child A"; the partner reads about the child by name.
        string[] names = [firstName];
        string Named(string text) => AiPseudonyms.Reveal(text, names);
        return TypedResults.Ok(new ChildInsightsResponse(signals, Named(r.Narrative), Named(r.LearningStyle), r.Strengths.Select(Named).ToList(),
            r.Risks.Select(Named).ToList(), r.Tips.Select(Named).ToList(), answer.Provider, answer.Model, answer.GeneratedAt));
    }

    private static ChildGoalsResponse Describe((SponsoredChildDetails Child, IReadOnlyList<GoalProgress> Progress) goals) =>
        new(goals.Child.PartnerGoals.Zip(goals.Progress, (g, p) => new ChildGoalResponse(g, p)).ToList(), goals.Child.AiMilestones);

    private static List<ChildGoal> ValidateGoals(IReadOnlyList<ChildGoalInput> inputs)
    {
        var v = new Validation();
        v.Check(inputs.Count <= MaxGoals, "goals", $"Set at most {MaxGoals} goals per child.").NoNulls("goals", inputs);
        var goals = new List<ChildGoal>();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i] is not { } input) continue;
            v.Text($"goals[{i}].learningAreaCode", input.LearningAreaCode, InputLimits.CodeText)
             .Text($"goals[{i}].target", input.Target, InputLimits.CodeText)
             .Date($"goals[{i}].dueDate", input.DueDate);
            if (input.Kind is null) { v.Add($"goals[{i}].kind", "Choose what the goal measures."); continue; }
            var goal = new ChildGoal
            {
                Id = input.Id ?? Guid.NewGuid(), Kind = input.Kind.Value, LearningAreaCode = input.LearningAreaCode?.Trim().ToUpperInvariant(),
                Target = input.Target?.Trim() ?? "", DueDate = input.DueDate,
            };
            foreach (var (field, message) in new GoalSpec(goal.Id, goal.Kind.ToString(), goal.LearningAreaCode, goal.Target, goal.DueDate).Validate())
                v.Add($"goals[{i}].{field}", message);
            goals.Add(goal);
        }
        v.ThrowIfInvalid();
        return goals;
    }
}
