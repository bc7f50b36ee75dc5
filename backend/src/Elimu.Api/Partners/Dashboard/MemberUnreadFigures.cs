using Elimu.Api.Partners.Collaboration;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Notifications;

namespace Elimu.Api.Partners.Dashboard;

/// <summary>
/// A member's own unread notifications and messages for the dashboard overview, held per user in
/// <see cref="SessionStateCache"/> beside the session check's state. The overview itself is cached per partner, so these
/// two counts were all its requests still read from the database: a DbContext, the counters' service graph and two
/// statements per request. Kept current the way the session state is: a saved <see cref="Notification"/> or
/// <see cref="PartnerMessage"/> evicts the user it is for after the commit (both are <see cref="ISessionStateSource"/>s), and
/// the two bulk updates that mark them read evict the reader themselves; another instance sees a change at once through
/// Redis, or within <see cref="SessionCacheOptions.MaxStalenessSeconds"/> without it. The hub's pushes read anew.
/// </summary>
public sealed class MemberUnreadFigures(SessionStateCache cache, IServiceScopeFactory scopes)
{
    public async ValueTask<(int Notifications, int Messages)> GetAsync(Guid userId, CancellationToken ct)
    {
        var held = await cache.GetAsync(userId, c => LoadAsync(userId, c), ct);
        return (held!.Notifications, held.Messages);
    }

    // Only on a miss: the request that hits needs no scope, no DbContext.
    private async Task<MemberUnread?> LoadAsync(Guid userId, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        return new MemberUnread(await services.GetRequiredService<NotificationInbox>().UnreadCountAsync(userId, ct),
            await services.GetRequiredService<MessageStats>().UnreadCountAsync(userId, ct));
    }

    private sealed record MemberUnread(int Notifications, int Messages);
}
