using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.Account.Notifications;

/// <param name="Unread">true: only unread; false: only read; absent: all.</param>
public sealed record NotificationListQuery(NotificationCategory? Category, bool? Unread, int? Page, int? PageSize);

public sealed record MarkedRead(int Marked);

/// <summary>
/// The partner's notification centre (plan Step 5, account.py): the signed-in user's own notifications, marked read one
/// by one or all at once, and the delivery preferences the Notifier follows. Another user's notification is a 404.
/// </summary>
public static class NotificationEndpoints
{
    public const string Prefix = "/api/v1/partner/account/notifications";

    public static IEndpointRouteBuilder MapPartnerNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).WithTags("Partner · Account").RequireAuthorization(PartnerPolicies.Read);
        group.MapGet("", List).WithSummary("The signed-in user's notifications, newest first; filter by category and unread.");
        group.MapPut("/{id:guid}/read", MarkRead).WithSummary("Mark one notification read.");
        group.MapPut("/read-all", MarkAllRead).WithSummary("Mark every unread notification read (of one category, if given).");
        group.MapGet("/preferences", GetPreferences).WithSummary("In-app, email and digest choices per category, the digest frequency and time zone.");
        group.MapPut("/preferences", PutPreferences).WithSummary("Change the preferences; categories left out keep their choices.");
        return app;
    }

    private static async Task<Ok<Paged<NotificationView>>> List([AsParameters] NotificationListQuery q, ClaimsPrincipal user,
        NotificationInbox inbox, CancellationToken ct) =>
        TypedResults.Ok(await inbox.ListAsync(user.UserId(), q.Category, q.Unread, PageRequest.From(q.Page, q.PageSize), ct));

    private static async Task<Ok<NotificationView>> MarkRead(Guid id, ClaimsPrincipal user, NotificationInbox inbox,
        CancellationToken ct)
    {
        // The member's bell follows by the hub's "unread" event (UnreadCountChanges), in every open tab.
        return TypedResults.Ok(await inbox.MarkReadAsync(user.UserId(), id, ct));
    }

    private static async Task<Ok<MarkedRead>> MarkAllRead(NotificationCategory? category, ClaimsPrincipal user, NotificationInbox inbox,
        CancellationToken ct)
    {
        return TypedResults.Ok(new MarkedRead(await inbox.MarkAllReadAsync(user.UserId(), category, ct)));
    }

    private static async Task<Ok<NotificationPreferencesView>> GetPreferences(ClaimsPrincipal user, NotificationPreferences preferences,
        CancellationToken ct) => TypedResults.Ok(await preferences.GetAsync(user.UserId(), ct));

    private static async Task<Ok<NotificationPreferencesView>> PutPreferences(NotificationPreferencesUpdate body, ClaimsPrincipal user,
        NotificationPreferences preferences, CancellationToken ct) => TypedResults.Ok(await preferences.UpdateAsync(user.UserId(), body, ct));
}
