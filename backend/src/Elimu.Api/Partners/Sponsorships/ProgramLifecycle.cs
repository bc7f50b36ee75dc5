using Elimu.Api.Common;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>
/// The program state machine. DRAFT → submit → PENDING_APPROVAL → approve → ACTIVE ⇄ PAUSED → COMPLETED;
/// reject sends a pending program back to DRAFT; cancel ends any program that has not ended.
/// </summary>
public static class ProgramLifecycle
{
    public const string Submit = "submit", Approve = "approve", Reject = "reject", Pause = "pause",
        Resume = "resume", Complete = "complete", Cancel = "cancel";

    private static readonly Dictionary<string, (ProgramStatus[] From, ProgramStatus To)> Transitions = new()
    {
        [Submit] = ([ProgramStatus.DRAFT], ProgramStatus.PENDING_APPROVAL),
        [Approve] = ([ProgramStatus.PENDING_APPROVAL], ProgramStatus.ACTIVE),
        [Reject] = ([ProgramStatus.PENDING_APPROVAL], ProgramStatus.DRAFT),
        [Pause] = ([ProgramStatus.ACTIVE], ProgramStatus.PAUSED),
        [Resume] = ([ProgramStatus.PAUSED], ProgramStatus.ACTIVE),
        [Complete] = ([ProgramStatus.ACTIVE, ProgramStatus.PAUSED], ProgramStatus.COMPLETED),
        [Cancel] = ([ProgramStatus.DRAFT, ProgramStatus.PENDING_APPROVAL, ProgramStatus.ACTIVE, ProgramStatus.PAUSED], ProgramStatus.CANCELLED),
    };

    private static readonly string[] PartnerActions = [Submit, Pause, Resume, Complete, Cancel];

    /// <summary>The partner's actions open from this status (approve and reject are the admin's).</summary>
    public static IReadOnlyList<string> AllowedActions(ProgramStatus status) =>
        PartnerActions.Where(a => Transitions[a].From.Contains(status)).ToList();

    public static bool IsEnded(ProgramStatus status) => status is ProgramStatus.COMPLETED or ProgramStatus.CANCELLED;

    /// <summary>
    /// Programs that may expose a consented child's data: approved by an admin and not ended. A paused program keeps
    /// its consents and its views (the sponsorship is on hold, not over); a completed or cancelled one shows nothing
    /// more, and a draft or a program waiting for approval never did (docs/adr/0004).
    /// </summary>
    public static readonly ProgramStatus[] ExposesChildData = [ProgramStatus.ACTIVE, ProgramStatus.PAUSED];

    /// <summary>Moves the program or refuses with 409 invalid_transition naming what is allowed.</summary>
    public static void Apply(SponsorshipProgram program, string action, DateTime now)
    {
        var (from, to) = Transitions[action];
        if (!from.Contains(program.Status))
        {
            var error = DomainException.Conflict("invalid_transition",
                $"A {program.Status} program cannot {action}; allowed from {string.Join(" or ", from)}.");
            error.Extensions["status"] = program.Status.ToString();
            error.Extensions["allowedActions"] = AllowedActions(program.Status);
            throw error;
        }
        program.Status = to;
        program.UpdatedAt = now;
    }
}
