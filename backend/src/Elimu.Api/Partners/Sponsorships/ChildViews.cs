using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Platform.Learning.Insights;
using Elimu.Api.Platform.Students;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>The child dashboard's tabs: each behind the consent gate, each a fixed number of queries.</summary>
public static class ChildViews
{
    public const int MaxGoals = 10;

    public static async Task<Ok<ChildHeader>> Header(Guid id, ClaimsPrincipal user, ChildAccess access, ConsentReader consent, CancellationToken ct)
    {
        var partnerId = user.UserId();
        var child = await access.OwnedAsync(partnerId, id, ct);
        var status = (await consent.StatusesAsync(partnerId, [child.Id], "header", ct))[child.Id];
        var s = child.Student!;
        var visible = status == ChildConsentStatus.given;
        return TypedResults.Ok(new ChildHeader(child.Id, child.StudentId, child.ProgramId, child.Program!.Name, child.Status, status,
            StudentDirectory.NameFor(s.FirstName, s.LastName, visible), s.Grade, s.County,
            visible ? s.School : null, visible ? s.DateOfBirth : null, child.EnrolledAt, visible ? child.Notes : null));
    }

    public static async Task<Ok<LearningJourney>> Progress(Guid id, ClaimsPrincipal user, ChildAccess access,
        ChildLearningInsights insights, CancellationToken ct)
    {
        var child = await access.VisibleAsync(user.UserId(), id, "progress", ct);
        return TypedResults.Ok(await insights.GetJourneyAsync(child.StudentId, ct));
    }

    public static async Task<Ok<ActivitySummary>> Activity(Guid id, ActivityPeriod? period, ClaimsPrincipal user, ChildAccess access,
        ChildLearningInsights insights, CancellationToken ct)
    {
        var child = await access.VisibleAsync(user.UserId(), id, "activity", ct);
        return TypedResults.Ok(await insights.GetActivityAsync(child.StudentId, period ?? ActivityPeriod.week, ct));
    }

    public static async Task<Ok<AchievementList>> Achievements(Guid id, ClaimsPrincipal user, ChildAccess access,
        ChildLearningInsights insights, CancellationToken ct)
    {
        var child = await access.VisibleAsync(user.UserId(), id, "achievements", ct);
        return TypedResults.Ok(await insights.GetAchievementsAsync(child.StudentId, ct));
    }

    public static async Task<Ok<ChildGoalsResponse>> Goals(Guid id, ClaimsPrincipal user, ChildAccess access,
        ChildLearningInsights insights, CancellationToken ct)
    {
        var child = await access.VisibleAsync(user.UserId(), id, "goals", ct);
        return TypedResults.Ok(await DescribeGoalsAsync(child, insights, ct));
    }

    public static async Task<Ok<ChildGoalsResponse>> SetGoals(Guid id, ChildGoalsRequest request, ClaimsPrincipal user,
        ChildAccess access, ChildLearningInsights insights, AppDbContext db, CancellationToken ct)
    {
        var partnerId = user.UserId();
        var child = await access.VisibleAsync(partnerId, id, "goals.update", ct);
        var goals = ValidateGoals(request.Goals ?? []);
        child.PartnerGoals = goals;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await DescribeGoalsAsync(child, insights, ct));
    }

    public static async Task<Ok<ChildInsightsResponse>> Insights(Guid id, ClaimsPrincipal user, ChildAccess access,
        ChildLearningInsights insights, CancellationToken ct)
    {
        var child = await access.VisibleAsync(user.UserId(), id, "ai-insights", ct);
        return TypedResults.Ok(new ChildInsightsResponse(await insights.GetSignalsAsync(child.StudentId, Specs(child), ct), null, null));
    }

    private static async Task<ChildGoalsResponse> DescribeGoalsAsync(SponsoredChild child, ChildLearningInsights insights, CancellationToken ct)
    {
        var progress = await insights.GetGoalProgressAsync(child.StudentId, Specs(child), ct);
        return new(child.PartnerGoals.Zip(progress, (g, p) => new ChildGoalResponse(g, p)).ToList(), child.AiMilestones);
    }

    private static List<GoalSpec> Specs(SponsoredChild child) => child.PartnerGoals
        .Select(g => new GoalSpec(g.Id, g.Kind.ToString(), g.LearningAreaCode, g.Target, g.DueDate, DateOnly.FromDateTime(child.EnrolledAt)))
        .ToList();

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
