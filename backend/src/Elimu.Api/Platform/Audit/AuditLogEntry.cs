namespace Elimu.Api.Platform.Audit;

/// <summary>Who did what to which entity, when, from where. Rows are only ever added.</summary>
public class AuditLogEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The actor: who made the request.</summary>
    public Guid? UserId { get; set; }
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }
    /// <summary>The partner whose program or children the event concerns (the actor itself for a partner's reads).</summary>
    public Guid? PartnerId { get; set; }
    public string? IpAddress { get; set; }
    public string? Details { get; set; }
    public DateTime At { get; set; }
    /// <summary>The children the event touched (every child a read revealed), so an admin can search by child.</summary>
    public List<AuditLogStudent> Students { get; set; } = [];
}

/// <summary>One child an audit event concerns; a read of a page of 100 children is one entry with 100 of these.</summary>
public class AuditLogStudent
{
    public Guid AuditLogEntryId { get; set; }
    public Guid StudentId { get; set; }
}
