using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Collaboration;

public class PartnerMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public AppUser? Partner { get; set; }
    public Guid RecipientId { get; set; }
    public AppUser? Recipient { get; set; }
    /// <summary>Who wrote it: the partner, or the recipient answering in the partner's thread.</summary>
    public Guid SenderId { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public List<Attachment> Attachments { get; set; } = [];
    public DateTime? ReadAt { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A file attached to a message or ticket.</summary>
public record Attachment
{
    public string FileName { get; set; } = "";
    public string Url { get; set; } = "";
    public long SizeBytes { get; set; }
    public string? MimeType { get; set; }
}
