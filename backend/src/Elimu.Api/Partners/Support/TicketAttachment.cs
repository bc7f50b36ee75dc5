namespace Elimu.Api.Partners.Support;

/// <summary>
/// A file attached to a ticket (when it was opened) or to one of its replies. The bytes are kept in the database, not
/// on a disk: every API instance serves them, they are backed up and deleted with the ticket, and the limits
/// (<see cref="TicketFileRules"/>) keep them small. The type is what the content proved to be, never what the client said.
/// </summary>
public class TicketAttachment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TicketId { get; set; }
    public Guid? MessageId { get; set; }
    public Guid UploadedBy { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long SizeBytes { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTime CreatedAt { get; set; }

    /// <summary>Its place among the files sent together, from 0: they share <see cref="CreatedAt"/>, and ids made in the
    /// same millisecond do not sort in the order they were made.</summary>
    public int Position { get; set; }
}
