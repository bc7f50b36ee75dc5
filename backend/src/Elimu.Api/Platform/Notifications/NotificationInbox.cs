using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Notifications;

public sealed record NotificationView(Guid Id, NotificationCategory Category, string Title, string Body, string? Link, DateTime? ReadAt, DateTime CreatedAt);

/// <summary>A user's own in-app notifications: list, unread count, mark read. Nobody reads or marks another's.</summary>
public sealed class NotificationInbox(AppDbContext db, UnreadCountChanges unreadChanges, SessionStateCache userState, TimeProvider clock)
{
    public Task<Paged<NotificationView>> ListAsync(Guid userId, NotificationCategory? category, bool? unread, PageRequest page, CancellationToken ct) =>
        Mine(userId, category, unread)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new NotificationView(n.Id, n.Category, n.Title, n.Body, n.Link, n.ReadAt, n.CreatedAt))
            .ToPagedAsync(page, ct);

    public Task<int> UnreadCountAsync(Guid userId, CancellationToken ct) => Mine(userId, null, true).CountAsync(ct);

    /// <summary>Marks one of the user's notifications read (again is fine); 404 for an id that is not theirs.</summary>
    public async Task<NotificationView> MarkReadAsync(Guid userId, Guid id, CancellationToken ct)
    {
        var n = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, ct) ?? throw DomainException.NotFound("Notification");
        n.ReadAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return new NotificationView(n.Id, n.Category, n.Title, n.Body, n.Link, n.ReadAt, n.CreatedAt);
    }

    /// <summary>Marks every unread notification of the user (of one category, if given) read; how many it marked.</summary>
    public async Task<int> MarkAllReadAsync(Guid userId, NotificationCategory? category, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await Mine(userId, category, true).ExecuteUpdateAsync(n => n.SetProperty(x => x.ReadAt, now), ct);
        // A bulk update passes no change tracker, so no UnreadCountWatcher or SessionStateWatcher sees it: the user's held
        // unread count is dropped and their other tabs are told here.
        if (marked > 0)
        {
            userState.Evict(userId);
            unreadChanges.Changed(userId);
        }
        return marked;
    }

    private IQueryable<Notification> Mine(Guid userId, NotificationCategory? category, bool? unread)
    {
        var q = db.Notifications.Where(n => n.UserId == userId);
        if (category is { } c) q = q.Where(n => n.Category == c);
        if (unread == true) q = q.Where(n => n.ReadAt == null);
        if (unread == false) q = q.Where(n => n.ReadAt != null);
        return q;
    }
}
