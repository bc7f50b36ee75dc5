namespace Elimu.Api.Platform.Notifications.Delivery;

public enum OutboxChannel { email, sms }

public enum OutboxStatus { pending, sent, failed }

/// <summary>
/// An email or text message waiting to leave. It is written in the same transaction as the change it tells about, and
/// sent afterwards by <see cref="OutboxDispatcher"/>, so a slow or failing mail server never fails the request; a failed
/// send is retried with a growing delay until <see cref="OutboxDispatcher.MaxAttempts"/>.
/// </summary>
public class OutboxMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public OutboxChannel Channel { get; set; }
    public Guid? UserId { get; set; }
    /// <summary>An email address or a phone number.</summary>
    public string To { get; set; } = "";
    public string? ToName { get; set; }
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string? HtmlBody { get; set; }
    public OutboxStatus Status { get; set; } = OutboxStatus.pending;
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}
