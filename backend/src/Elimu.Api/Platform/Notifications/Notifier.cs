using Elimu.Api.Data;

namespace Elimu.Api.Platform.Notifications;

/// <summary>Queues in-app notifications in the current unit of work.</summary>
public sealed class Notifier(AppDbContext db)
{
    public void Notify(Guid userId, string category, string title, string body, string? link = null) =>
        db.Notifications.Add(new Notification { UserId = userId, Category = category, Title = title, Body = body, Link = link });
}
