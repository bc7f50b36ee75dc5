namespace Elimu.Api.Partners.Finance.Grants;

/// <summary>Where a grant stands, in the plan's words; <see cref="GrantStatusRules"/> says which moves are allowed.</summary>
public enum GrantStatus { applied, awarded, active, reporting, closed }

/// <summary>Money a funder gave (or may give) the partner, for a period, shared out between programs, with reports owed.</summary>
public class PartnerGrant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public string Funder { get; set; } = "";
    /// <summary>The funder's reference for the grant (its agreement or award number).</summary>
    public string Reference { get; set; } = "";
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "KES";
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public GrantStatus Status { get; set; } = GrantStatus.applied;
    public string? Notes { get; set; }
    public List<GrantAllocation> Allocations { get; set; } = [];
    public List<GrantDeadline> Deadlines { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public class GrantAllocation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid GrantId { get; set; }
    public Guid ProgramId { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>A report the funder expects by a day; submitted when a report is uploaded or the partner marks it so.</summary>
public class GrantDeadline
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid GrantId { get; set; }
    public DateOnly DueDate { get; set; }
    public string Title { get; set; } = "";
    public bool Submitted { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public List<GrantReport> Reports { get; set; } = [];
}

/// <summary>
/// A compliance report uploaded for a deadline. As ticket attachments are, the bytes are kept in the database (every
/// instance serves them, they go with the grant) and the type is what the content proved (<see cref="GrantReportFiles"/>).
/// </summary>
public class GrantReport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DeadlineId { get; set; }
    public Guid UploadedBy { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTime CreatedAt { get; set; }
}

/// <summary>A reminder that went out: unique per deadline and days-before, so however many runs race it is sent once.</summary>
public class SentGrantReminder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DeadlineId { get; set; }
    public int DaysBefore { get; set; }
    public DateTime SentAt { get; set; }
}
