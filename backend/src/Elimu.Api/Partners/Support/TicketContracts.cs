namespace Elimu.Api.Partners.Support;

/// <summary>
/// A new ticket. Category and priority are the partner's choice and are kept as chosen; left out, triage's suggestion
/// fills them. As multipart/form-data the same fields come with up to five files in <c>files</c>.
/// </summary>
public sealed record CreateTicketRequest(string? Subject, string? Description, TicketCategory? Category, TicketPriority? Priority);

/// <summary>What the new-ticket form sends to see triage's suggestion before submitting.</summary>
public sealed record TriagePreviewRequest(string? Subject, string? Description);

/// <summary>A partner's edit of an open ticket: what is left out stays as it was.</summary>
public sealed record UpdateTicketRequest(string? Subject, string? Description, TicketCategory? Category, TicketPriority? Priority);

/// <summary>A reply in the thread (as a form: <c>body</c> and <c>files</c>).</summary>
public sealed record TicketReplyRequest(string? Body);

/// <summary>Who handles the ticket: a member of staff or an admin; null takes it off everyone.</summary>
public sealed record AssignTicketRequest(Guid? AssigneeId);

public sealed record ResolveTicketRequest(string? Resolution);

public sealed record TicketListQuery(TicketStatus? Status, TicketCategory? Category, TicketPriority? Priority, string? Search, int? Page, int? PageSize);

/// <param name="Assigned">me: mine; unassigned: nobody's; absent: everyone's.</param>
public sealed record TicketQueueQuery(TicketStatus? Status, TicketCategory? Category, TicketPriority? Priority, string? Search,
    string? Assigned, int? Page, int? PageSize);

public sealed record TicketAttachmentView(Guid Id, string FileName, string ContentType, long SizeBytes);

public sealed record TicketMessageView(Guid Id, TicketParty Party, TicketEvent? Event, Guid AuthorId, string AuthorName, string Body,
    DateTime CreatedAt, IReadOnlyList<TicketAttachmentView> Attachments);

public sealed record TicketSummary(
    Guid Id, string Subject, TicketCategory Category, TicketPriority Priority, TicketStatus Status,
    TicketCategory? AiTriageCategory, TicketPriority? AiTriagePriority,
    Guid PartnerId, string PartnerName, Guid? AssignedTo, string? AssigneeName, int MessageCount,
    DateTime CreatedAt, DateTime UpdatedAt, DateTime? ResolvedAt);

/// <param name="ReopenUntil">Until when the partner may reopen a resolved ticket; null when it is not resolved.</param>
/// <param name="CanReopen">Whether the partner may reopen it now (resolved, within <see cref="TicketLimits.ReopenWindow"/>).</param>
public sealed record TicketDetail(
    Guid Id, string Subject, string Description, TicketCategory Category, TicketPriority Priority, TicketStatus Status,
    TicketCategory? AiTriageCategory, TicketPriority? AiTriagePriority, string? AiTriageSource, string? AiTriageModel,
    Guid PartnerId, string PartnerName, Guid? OpenedBy, string? OpenedByName, Guid? AssignedTo, string? AssigneeName,
    string? Resolution, DateTime CreatedAt, DateTime UpdatedAt, DateTime? ResolvedAt, DateTime? ClosedAt,
    DateTime? ReopenUntil, bool CanReopen,
    IReadOnlyList<TicketAttachmentView> Attachments, IReadOnlyList<TicketMessageView> Messages);

public sealed record SupportAssignee(Guid Id, string Name, string Role);
