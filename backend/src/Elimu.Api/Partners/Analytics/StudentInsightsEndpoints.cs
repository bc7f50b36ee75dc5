using System.Security.Claims;
using Elimu.Api.Ai;
using Elimu.Api.Common;
using Elimu.Api.Partners.Analytics.Letters;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.Analytics;

/// <summary>A partner-set goal in words, with its computed progress.</summary>
public sealed record StudentGoal(string Goal, ChildTermGoal Progress);

/// <summary>
/// One consented child's school term (<see cref="TermName"/>, figures to <see cref="AsOf"/>), computed as its progress
/// letter computes it, and the narrative the orchestrator wrote from those figures (<see cref="Provider"/>,
/// <see cref="Model"/>, <see cref="GeneratedAt"/>): the letter of the same term shows the same figures and words.
/// </summary>
public sealed record StudentInsightsResponse(Guid StudentId, Guid SponsoredChildId, Guid ProgramId, string FirstName, string Term, string TermName,
    DateOnly TermStart, DateOnly TermEnd, DateOnly AsOf, int Minutes, int Sessions, int ActiveDays, int LessonsCompleted, int CurrentStreak,
    int LongestStreak, IReadOnlyList<ChildTermArea> Areas, IReadOnlyList<ChildTermAchievement> Achievements, IReadOnlyList<StudentGoal> Goals, string Narrative,
    string Provider, string Model, DateTimeOffset GeneratedAt);

/// <summary>GET /student-insights/{studentId}: the per-student dashboard of a consented child, behind the one gate.</summary>
public static class StudentInsightsEndpoints
{
    public static RouteGroupBuilder MapStudentInsights(this RouteGroupBuilder group)
    {
        group.MapGet("/student-insights/{studentId:guid}", Get).AddEndpointFilter<ReadAuditFilter>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A consented child's term (default the latest begun; term=2026-3 for another): minutes, streaks, learning areas with rubric levels and movement, achievements, goals, and an AI narrative. 404 for a student who is not this partner's consented child.");
        return group;
    }

    private static async Task<Ok<StudentInsightsResponse>> Get(Guid studentId, string? term, ClaimsPrincipal user, ChildLearningGate gate,
        ProgressLetterTerms terms, IAiOrchestrator ai, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var chosen = terms.Resolve(term);
        // Not visible, another partner's or unknown: the same 404, so the answer tells nothing about whose child it is.
        var child = await gate.StudentTermAsync(partnerId, studentId, chosen.Start, chosen.End, "student-insights", ct)
            ?? throw DomainException.NotFound("Student");
        var t = child.Term;
        var answer = await ai.RunAsync(new ProgressLetterTask(ProgressLetterFacts.From(chosen.Name, t)), new AiRequest(partnerId), ct);
        return TypedResults.Ok(new StudentInsightsResponse(studentId, child.ChildId, child.ProgramId, child.FirstName, chosen.Id, chosen.Name, t.From, t.To,
            t.AsOf, t.Minutes, t.Sessions, t.ActiveDays, t.LessonsCompleted, t.CurrentStreak, t.LongestStreak, t.Areas, t.Achievements,
            [.. t.Goals.Select(g => new StudentGoal(LetterWords.Goal(g), g))], AiPseudonyms.Reveal(answer.Result.Narrative, [child.FirstName]),
            answer.Provider, answer.Model, answer.GeneratedAt));
    }
}
