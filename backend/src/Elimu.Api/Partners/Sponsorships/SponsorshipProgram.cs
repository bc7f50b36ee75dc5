using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>A partner's program (direct or cohort) that sponsors at least <see cref="MinChildren"/> children.</summary>
public class SponsorshipProgram
{
    public const int MinimumChildren = 10;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public AppUser? Partner { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public ProgramType ProgramType { get; set; }
    public int MinChildren { get; set; } = MinimumChildren;
    public int? MaxChildren { get; set; }
    public ProgramStatus Status { get; set; } = ProgramStatus.DRAFT;
    public BillingPeriod BillingPeriod { get; set; }
    public decimal PricePerChild { get; set; }
    public string Currency { get; set; } = "KES";
    public string? CustomPricingNotes { get; set; }
    public DateOnly? StartDate { get; set; }
    /// <summary>Null for an open-ended program.</summary>
    public DateOnly? EndDate { get; set; }
    public List<ProgramGoal> Goals { get; set; } = [];
    /// <summary>When the partner last submitted the program for approval.</summary>
    public DateTime? SubmittedAt { get; set; }
    public Guid? ApprovedBy { get; set; }
    public DateTime? ApprovedAt { get; set; }
    /// <summary>Why an admin sent the program back to DRAFT; cleared when it is submitted again.</summary>
    public string? RejectionReason { get; set; }
    /// <summary>Who the partner would like to sponsor: ranks available students and substitutes, never filters them out.</summary>
    public ProgramPreferences Preferences { get; set; } = new();
    /// <summary>
    /// Substitutes still on offer: one per child who left while the program was ACTIVE, less those accepted; a decline
    /// clears them. The program page shows the offer while this is above zero.
    /// </summary>
    public int SubstitutesOffered { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<SponsoredChild> Children { get; set; } = [];
}
