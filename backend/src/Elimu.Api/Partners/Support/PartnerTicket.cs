using Elimu.Api.Partners.Collaboration;
using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Support;

public class PartnerTicket
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public AppUser? Partner { get; set; }
    public string Subject { get; set; } = "";
    public string Description { get; set; } = "";
    public string Category { get; set; } = "general";
    public TicketPriority Priority { get; set; } = TicketPriority.medium;
    public TicketStatus Status { get; set; } = TicketStatus.open;
    public string? AiTriageCategory { get; set; }
    public TicketPriority? AiTriagePriority { get; set; }
    public Guid? AssignedTo { get; set; }
    public List<Attachment> Attachments { get; set; } = [];
    public string? Resolution { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
}

public enum TicketPriority { low, medium, high, urgent }

public enum TicketStatus { open, in_progress, resolved, closed }
