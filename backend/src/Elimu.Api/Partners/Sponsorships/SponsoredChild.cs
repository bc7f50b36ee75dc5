using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Students;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>A student enrolled in a partner's program. Starts PENDING_CONSENT until a guardian agrees.</summary>
public class SponsoredChild
{
    /// <summary>
    /// The rows that hold a student's place with a partner (every status but REMOVED), as SQL for the unique index.
    /// <see cref="EnrollmentPlanner"/> applies the same rule before the database has to.
    /// </summary>
    public const string HoldsAPlaceSql = "status <> 'REMOVED'";

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProgramId { get; set; }
    public SponsorshipProgram? Program { get; set; }
    public Guid StudentId { get; set; }
    public Student? Student { get; set; }
    public Guid PartnerId { get; set; }
    public AppUser? Partner { get; set; }
    public SponsoredChildStatus Status { get; set; } = SponsoredChildStatus.PENDING_CONSENT;
    public DateTime EnrolledAt { get; set; }
    public DateTime? RemovedAt { get; set; }
    public List<ChildGoal> PartnerGoals { get; set; } = [];
    public List<AiMilestone> AiMilestones { get; set; } = [];
    public string? Notes { get; set; }
}
