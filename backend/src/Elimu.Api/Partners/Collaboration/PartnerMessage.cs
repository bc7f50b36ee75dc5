using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Collaboration;

/// <summary>
/// One message of a two-person conversation between a member of a partner's team and either a colleague on that team
/// or a member of platform staff. A thread starts with a message whose <see cref="ThreadId"/> is its own id; replies
/// carry the first message's id and go to the other person of the thread.
/// </summary>
public class PartnerMessage : ISessionStateSource
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The partner organisation the conversation belongs to (its founding owner's user id).</summary>
    public Guid PartnerId { get; set; }
    public AppUser? Partner { get; set; }
    public Guid RecipientId { get; set; }
    public AppUser? Recipient { get; set; }
    /// <summary>Who wrote it: the partner, or the recipient answering in the partner's thread.</summary>
    public Guid SenderId { get; set; }
    /// <summary>The id of the thread's first message (its own id for that first message).</summary>
    public Guid ThreadId { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public List<Attachment> Attachments { get; set; } = [];
    /// <summary>The read receipt: when the recipient first opened the thread after this message arrived.</summary>
    public DateTime? ReadAt { get; set; }
    public DateTime CreatedAt { get; set; }

    // The dashboard overview holds each member's unread count (MemberUnreadFigures): a saved message evicts its recipient's.
    Guid ISessionStateSource.SessionUserId => RecipientId;
}

/// <summary>The bytes of a message's attachment, kept apart from the message so lists never load them.</summary>
public class MessageAttachmentFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MessageId { get; set; }
    /// <summary>The attachment's place in <see cref="PartnerMessage.Attachments"/>, from 0.</summary>
    public int Position { get; set; }
    public byte[] Content { get; set; } = [];
}
