using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Support;

/// <summary>
/// One entry of a ticket's conversation: a reply by the partner's team or by support staff, or a status event
/// (assigned, resolved, reopened, closed) so the thread reads as the ticket's history.
/// </summary>
public class TicketMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TicketId { get; set; }
    public Guid AuthorId { get; set; }
    public AppUser? Author { get; set; }
    public TicketParty Party { get; set; }
    /// <summary>Null for a reply; the event's name for a status change.</summary>
    public TicketEvent? Event { get; set; }
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>Which side of the ticket wrote: the partner's team or Elimu's support staff.</summary>
public enum TicketParty { partner, staff }

public enum TicketEvent { assigned, unassigned, resolved, reopened, closed }
