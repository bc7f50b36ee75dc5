namespace Elimu.Api.Partners.Shared;

/// <summary>
/// A file attached to a message (Collaboration) or a ticket (Support): its name, size, type and download path, kept as
/// JSON on the owning row. Both sections store it, so it is shared vocabulary rather than either one's entity.
/// </summary>
public record Attachment
{
    public string FileName { get; set; } = "";
    public string Url { get; set; } = "";
    public long SizeBytes { get; set; }
    public string? MimeType { get; set; }
}
