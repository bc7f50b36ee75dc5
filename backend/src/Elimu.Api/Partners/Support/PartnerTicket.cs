using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Support;

/// <summary>
/// A partner's support request (plan Step 1, partner_ticket.py). The partner's own category and priority are kept as
/// chosen; <see cref="AiTriageCategory"/> and <see cref="AiTriagePriority"/> are what triage suggested on creation.
/// The conversation lives in <c>ticket_messages</c>; the bytes of every file in <c>ticket_attachments</c>.
/// </summary>
public class PartnerTicket
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public AppUser? Partner { get; set; }
    /// <summary>The team member who opened it (the partner id for tickets from before teams).</summary>
    public Guid? OpenedBy { get; set; }
    public string Subject { get; set; } = "";
    public string Description { get; set; } = "";
    public TicketCategory Category { get; set; } = TicketCategory.other;
    public TicketPriority Priority { get; set; } = TicketPriority.medium;
    public TicketStatus Status { get; set; } = TicketStatus.open;
    public TicketCategory? AiTriageCategory { get; set; }
    public TicketPriority? AiTriagePriority { get; set; }
    /// <summary>The AI provider whose suggestion this is (<c>offline</c> when the shipped classifier answered).</summary>
    public string? AiTriageSource { get; set; }
    /// <summary>The provider's model that made the suggestion.</summary>
    public string? AiTriageModel { get; set; }
    public Guid? AssignedTo { get; set; }
    public AppUser? Assignee { get; set; }
    /// <summary>The plan's <c>attachments</c>: the files sent with the ticket when it was opened (name, size, type, download path).</summary>
    public List<Attachment> Attachments { get; set; } = [];
    public string? Resolution { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
}

/// <summary>The categories, exactly; triage answers only from these.</summary>
public enum TicketCategory { billing, technical, account, sponsorship, consent, content, other }

public enum TicketPriority { low, medium, high, urgent }

public enum TicketStatus { open, in_progress, resolved, closed }
