namespace Elimu.Api.Partners.Collaboration;

public enum MessageBox { inbox, sent }

/// <summary>Who a message may be addressed to: a colleague on the partner's team, or platform staff.</summary>
public enum RecipientKind { team, staff }

public sealed record MessageRecipient(Guid UserId, string Name, string Email, RecipientKind Kind, string Role);

/// <param name="Box">inbox (addressed to you, the default) or sent (written by you).</param>
/// <param name="Search">Words in the subject or the text.</param>
public sealed record MessageListQuery(MessageBox? Box, string? Search, bool? Unread, int? Page, int? PageSize);

public sealed record AttachmentView(int Position, string FileName, long SizeBytes, string MimeType, string Url);

public sealed record PersonView(Guid UserId, string Name);

/// <summary>A row of the inbox or the sent list; <see cref="ReadAt"/> is the recipient's read receipt.</summary>
/// <param name="PartnerName">The partner organisation the conversation belongs to: staff answer many partners.</param>
public sealed record MessageSummary(Guid Id, Guid ThreadId, string Subject, string Preview, PersonView From, PersonView To,
    bool HasAttachments, DateTime? ReadAt, DateTime CreatedAt, string PartnerName);

public sealed record MessageView(Guid Id, PersonView From, PersonView To, string Body, IReadOnlyList<AttachmentView> Attachments,
    DateTime? ReadAt, DateTime CreatedAt, bool IsMine);

/// <summary>A conversation between you and <see cref="With"/>, oldest message first.</summary>
/// <param name="PartnerName">The partner organisation the conversation belongs to.</param>
public sealed record MessageThread(Guid ThreadId, string Subject, PersonView With, IReadOnlyList<MessageView> Messages, string PartnerName);

/// <summary>A new conversation. As JSON, or as multipart/form-data with the same fields and files named attachments.</summary>
public sealed record SendMessageRequest(Guid? RecipientId, string? Subject, string? Body);

/// <summary>An answer in a thread; it goes to the thread's other person. JSON, or multipart/form-data with attachments.</summary>
public sealed record ReplyRequest(string? Body);

public sealed record UnreadMessages(int Unread);
