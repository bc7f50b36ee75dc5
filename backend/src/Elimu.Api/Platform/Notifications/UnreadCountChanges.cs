using System.Threading.Channels;
using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Notifications;

/// <summary>Sends a user's own unread figures, read anew, to their open pages (the partner hub implements it).</summary>
public interface IUnreadCountPush
{
    Task SendAsync(Guid userId, CancellationToken ct);
}

/// <summary>
/// The bell's count is the signed-in user's own, not their organisation's: when a user's notifications change (a new
/// one, one or all marked read), their count is read again and pushed to them alone. Off the request path: the users
/// whose notifications changed queue here and a background loop pushes each once per batch; a full queue drops the
/// oldest entries (the next change or page load shows the right count).
/// </summary>
public sealed class UnreadCountChanges(IServiceScopeFactory scopes, ILogger<UnreadCountChanges> log) : BackgroundService
{
    private readonly Channel<Guid> _changed = Channel.CreateBounded<Guid>(
        new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest });

    /// <summary>The user's notifications changed and the change is committed.</summary>
    public void Changed(Guid userId) => _changed.Writer.TryWrite(userId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _changed.Reader;
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            var users = new HashSet<Guid>();
            while (reader.TryRead(out var userId)) users.Add(userId);
            try
            {
                using var scope = scopes.CreateScope();
                if (scope.ServiceProvider.GetService<IUnreadCountPush>() is not { } push) continue;
                foreach (var userId in users) await push.SendAsync(userId, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not push the unread counts of {Users} users", users.Count);
            }
        }
    }
}

/// <summary>Tells <see cref="UnreadCountChanges"/> whose notifications a save added or marked read, once committed.</summary>
public sealed class UnreadCountWatcher(UnreadCountChanges changes) : AfterCommitWatcher
{
    private readonly HashSet<Guid> _users = [];

    protected override void Collect(DbContext context)
    {
        foreach (var entry in context.ChangeTracker.Entries<Notification>())
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) _users.Add(entry.Entity.UserId);
    }

    protected override void Committed()
    {
        foreach (var userId in _users) changes.Changed(userId);
        Forget();
    }

    protected override void Forget() => _users.Clear();
}
