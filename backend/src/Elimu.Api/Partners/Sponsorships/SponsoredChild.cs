using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Students;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>A student enrolled in a partner's program. Starts PENDING_CONSENT until a guardian agrees.</summary>
public class SponsoredChild
{
    /// <summary>
    /// The rows that hold a student's place with a partner (not removed, and not released by the end of their program),
    /// as SQL for the unique index. <see cref="SponsorshipHolds"/> and <see cref="EnrollmentPlanner"/> apply the same rule
    /// before the database has to.
    /// </summary>
    public const string HoldsAPlaceSql = "status <> 'REMOVED' AND released_at IS NULL";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProgramId { get; set; }
    public SponsorshipProgram? Program { get; set; }
    public Guid StudentId { get; set; }
    public Student? Student { get; set; }
    public Guid PartnerId { get; set; }
    public AppUser? Partner { get; set; }
    public SponsoredChildStatus Status { get; set; } = SponsoredChildStatus.PENDING_CONSENT;
    /// <summary>
    /// Copies of the student's grade and first name, so the children list filters and sorts a partner's children from
    /// one index of this table instead of joining each of thousands of children to its student (issue 15). The
    /// database keeps them (triggers of migration I15ChildListKeys: on insert of a child, on a change of the student's
    /// grade or first name); code never sets them, and what an inserted entity holds in memory is not the stored value.
    /// </summary>
    public CbcGrade StudentGrade { get; private set; }
    /// <inheritdoc cref="StudentGrade"/>
    public string StudentFirstName { get; private set; } = "";
    public DateTime EnrolledAt { get; set; }
    public DateTime? RemovedAt { get; set; }
    /// <summary>When the program completed or was cancelled: the row stays on the program's record, the place is free.</summary>
    public DateTime? ReleasedAt { get; set; }
    /// <summary>
    /// When the child left the program (issue 20). Leaving also sets <see cref="ReleasedAt"/>, so the place is free at once
    /// (the child can be sponsored again) and billing and the consented window end on that day, as for an ended program.
    /// </summary>
    public DateTime? LeftAt { get; set; }
    public LeaveReason? LeaveReason { get; set; }
    public string? LeaveNote { get; set; }
    public List<ChildGoal> PartnerGoals { get; set; } = [];
    public List<AiMilestone> AiMilestones { get; set; } = [];
    public string? Notes { get; set; }
}
