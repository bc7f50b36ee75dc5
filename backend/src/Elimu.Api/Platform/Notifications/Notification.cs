using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Platform.Notifications;

/// <summary>An in-app notification of one user (each member of a partner's team gets their own row).</summary>
public class Notification : ISessionStateSource
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public AppUser? User { get; set; }
    public NotificationCategory Category { get; set; } = NotificationCategory.system;
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>Where in the app the notification leads, e.g. /dashboard/parent/consents.</summary>
    public string? Link { get; set; }
    public DateTime? ReadAt { get; set; }
    public DateTime CreatedAt { get; set; }

    // The dashboard overview holds each member's unread count (MemberUnreadFigures): a saved change evicts it.
    Guid ISessionStateSource.SessionUserId => UserId;
}
