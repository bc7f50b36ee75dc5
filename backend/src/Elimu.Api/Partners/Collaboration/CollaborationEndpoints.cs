using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.Collaboration;

/// <summary>
/// Plan Step 5's collaboration.py: messages between a partner's team and platform staff (and within the team), and
/// meetings with an .ics invitation and suggested free times. Staff answer their messages under /api/v1/staff/messages.
/// </summary>
public static class CollaborationEndpoints
{
    public const string Prefix = "/api/v1/partner/collaboration";
    public const string StaffPrefix = "/api/v1/staff/messages";

    public static IServiceCollection AddCollaboration(this IServiceCollection services)
    {
        services.AddScoped<MessageParties>();
        services.AddScoped<MailboxReader>();
        services.AddScoped<MessageSender>();
        services.AddScoped<MessageStats>();
        services.AddScoped<MeetingSlots>();
        services.AddScoped<Meetings>();
        return services;
    }

    public static IEndpointRouteBuilder MapCollaborationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).WithTags("Partner · Collaboration").RequireAuthorization(PartnerPolicies.Read);
        group.MapGet("/messages", ListMessages).WithSummary("Your inbox (box=inbox) or sent messages (box=sent), newest first; search subject and text.");
        group.MapGet("/messages/recipients", Recipients).WithSummary("Who you may write to or invite: your team and Elimu staff.");
        group.MapGet("/messages/{id:guid}", OpenThread).WithSummary("The conversation holding a message; opening it sets the read receipts of what was sent to you.");
        group.MapPost("/messages", Send).RequireAuthorization(PartnerPolicies.Message).Accepts<SendMessageRequest>("application/json", "multipart/form-data")
            .WithSummary($"Write to a colleague or to staff; up to {MessageAttachments.MaxFiles} PDF, PNG, JPEG or text files of 5 MB as multipart 'attachments'.");
        group.MapPost("/messages/{id:guid}/replies", Reply).RequireAuthorization(PartnerPolicies.Message).Accepts<ReplyRequest>("application/json", "multipart/form-data")
            .WithSummary("Answer in a conversation; the answer goes to its other person.");
        group.MapGet("/messages/{id:guid}/attachments/{position:int}", Download).WithSummary("An attachment, for the conversation's two people only.");

        group.MapGet("/meetings", ListMeetings).WithSummary("The team's meetings: upcoming (soonest first) or past (latest first).");
        group.MapGet("/meetings/suggested-times", Suggest).WithSummary("The earliest free half-hour slots within 08:00–17:00 Nairobi on weekdays for you and the attendees.");
        group.MapGet("/meetings/{id:guid}", GetMeeting).WithSummary("One meeting.");
        group.MapPost("/meetings", Schedule).RequireAuthorization(PartnerPolicies.ScheduleMeetings)
            .WithSummary("Schedule a meeting with team members and staff; they are notified.");
        group.MapPost("/meetings/{id:guid}/status", ChangeStatus).RequireAuthorization(PartnerPolicies.ScheduleMeetings)
            .WithSummary("Mark a scheduled meeting completed (once started) or cancelled (with a reason), with notes.");
        group.MapGet("/meetings/{id:guid}/invite.ics", Invite).Produces(StatusCodes.Status200OK, contentType: "text/calendar")
            .WithSummary("The RFC 5545 invitation (METHOD:REQUEST; METHOD:CANCEL once cancelled).");

        var staff = app.MapGroup(StaffPrefix).WithTags("Staff · Messages").RequireAuthorization(p => p.RequireRole(Roles.Staff, Roles.Admin));
        staff.MapGet("", StaffList).WithSummary("Messages partners sent you (box=inbox) or you sent (box=sent).");
        staff.MapGet("/unread", StaffUnread).WithSummary("How many messages addressed to you are not opened yet.");
        staff.MapGet("/{id:guid}", StaffThread).WithSummary("A conversation with a partner's team member; opening it sets your read receipts.");
        staff.MapPost("/{id:guid}/replies", StaffReply).Accepts<ReplyRequest>("application/json", "multipart/form-data")
            .WithSummary("Answer the partner in the conversation.");
        staff.MapGet("/{id:guid}/attachments/{position:int}", StaffDownload).WithSummary("An attachment of your conversation.");
        return app;
    }

    private static Mailbox PartnerBox(ClaimsPrincipal user) => new(user.UserId(), user.PartnerId(), Prefix);
    private static Mailbox StaffBox(ClaimsPrincipal user) => new(user.UserId(), null, StaffPrefix.Replace("/messages", ""));

    private static async Task<Ok<Paged<MessageSummary>>> ListMessages([AsParameters] MessageListQuery q, ClaimsPrincipal user, MailboxReader reader,
        CancellationToken ct) => TypedResults.Ok(await reader.ListAsync(PartnerBox(user), q, ct));

    private static async Task<Ok<IReadOnlyList<MessageRecipient>>> Recipients(ClaimsPrincipal user, MessageParties parties, CancellationToken ct) =>
        TypedResults.Ok(await parties.ForMemberAsync(user.PartnerProfileId(), user.UserId(), ct));

    private static async Task<Ok<MessageThread>> OpenThread(Guid id, ClaimsPrincipal user, MailboxReader reader, IPartnerCountersChanged counters,
        CancellationToken ct)
    {
        var (thread, marked) = await reader.OpenThreadAsync(PartnerBox(user), id, ct);
        if (marked) await counters.CountersChangedAsync(user.PartnerId(), ct);
        return TypedResults.Ok(thread);
    }

    private static async Task<Created<MessageThread>> Send(HttpRequest request, ClaimsPrincipal user, MessageSender sender, MailboxReader reader,
        CancellationToken ct)
    {
        var sent = await sender.StartAsync(user, await MessageAttachments.ReadAsync(request, ct), ct);
        var (thread, _) = await reader.OpenThreadAsync(PartnerBox(user), sent.Id, ct);
        return TypedResults.Created($"{Prefix}/messages/{sent.Id}", thread);
    }

    private static async Task<Created<MessageThread>> Reply(Guid id, HttpRequest request, ClaimsPrincipal user, MessageSender sender,
        MailboxReader reader, CancellationToken ct) => await ReplyIn(PartnerBox(user), id, request, sender, reader, ct);

    private static async Task<Created<MessageThread>> ReplyIn(Mailbox box, Guid id, HttpRequest request, MessageSender sender, MailboxReader reader,
        CancellationToken ct)
    {
        var sent = await sender.ReplyAsync(box, id, await MessageAttachments.ReadAsync(request, ct), ct);
        var (thread, _) = await reader.OpenThreadAsync(box, sent.Id, ct);
        return TypedResults.Created($"{box.LinkBase}/messages/{sent.Id}", thread);
    }

    private static async Task<FileContentHttpResult> Download(Guid id, int position, ClaimsPrincipal user, MailboxReader reader, CancellationToken ct) =>
        await DownloadFrom(PartnerBox(user), id, position, reader, ct);

    private static async Task<FileContentHttpResult> DownloadFrom(Mailbox box, Guid id, int position, MailboxReader reader, CancellationToken ct)
    {
        var (meta, content) = await reader.AttachmentAsync(box, id, position, ct);
        return TypedResults.File(content, meta.MimeType ?? "application/octet-stream", meta.FileName);
    }

    private static async Task<Ok<Paged<MeetingView>>> ListMeetings([AsParameters] MeetingListQuery q, ClaimsPrincipal user, Meetings meetings,
        CancellationToken ct) => TypedResults.Ok(await meetings.ListAsync(user, q, ct));

    private static async Task<Ok<MeetingView>> GetMeeting(Guid id, ClaimsPrincipal user, Meetings meetings, CancellationToken ct) =>
        TypedResults.Ok(await meetings.GetAsync(user, id, ct));

    private static async Task<Created<MeetingView>> Schedule(ScheduleMeetingRequest body, ClaimsPrincipal user, Meetings meetings, CancellationToken ct)
    {
        var m = await meetings.ScheduleAsync(user, body, ct);
        return TypedResults.Created($"{Prefix}/meetings/{m.Id}", m);
    }

    private static async Task<Ok<MeetingView>> ChangeStatus(Guid id, MeetingStatusChange body, ClaimsPrincipal user, Meetings meetings,
        CancellationToken ct) => TypedResults.Ok(await meetings.ChangeStatusAsync(user, id, body, ct));

    private static async Task<FileContentHttpResult> Invite(Guid id, ClaimsPrincipal user, Meetings meetings, TimeProvider clock, CancellationToken ct)
    {
        var m = await meetings.FindAsync(user, id, ct);
        var (text, method) = MeetingInvitation.Write(m, clock.GetUtcNow().UtcDateTime);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), MeetingInvitation.ContentType + method, "invite.ics");
    }

    /// <param name="attendees">User ids, repeated or comma-separated.</param>
    /// <param name="duration">Minutes, 15 to 480 (30 by default).</param>
    /// <param name="count">How many slots, 1 to 20 (5 by default).</param>
    private static async Task<Ok<SuggestedTimes>> Suggest(string[]? attendees, int? duration, int? count, ClaimsPrincipal user, MessageParties parties,
        MeetingSlots slots, CancellationToken ct)
    {
        var v = new Validation().Within("duration", duration, Meetings.MinDuration, Meetings.MaxDuration).Within("count", count, 1, 20);
        var ids = new List<Guid>();
        foreach (var part in (attendees ?? []).SelectMany(a => a.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            if (Guid.TryParse(part, out var g)) ids.Add(g);
            else v.Add("attendees", $"'{(part.Length > 40 ? part[..40] : part)}' is not a user id.");
        v.Check(ids.Count <= Meetings.MaxAttendees, "attendees", $"At most {Meetings.MaxAttendees} people.");
        v.ThrowIfInvalid();
        var me = user.UserId();
        var others = ids.Where(i => i != me).Distinct().ToList();
        await parties.RequireAddressableAsync(user.PartnerProfileId(), me, others, "attendees", ct);
        var minutes = duration ?? 30;
        return TypedResults.Ok(new SuggestedTimes(await slots.SuggestAsync(others.Append(me).ToList(), minutes, count ?? 5, ct), minutes, "Africa/Nairobi"));
    }

    private static async Task<Ok<Paged<MessageSummary>>> StaffList([AsParameters] MessageListQuery q, ClaimsPrincipal user, MailboxReader reader,
        CancellationToken ct) => TypedResults.Ok(await reader.ListAsync(StaffBox(user), q, ct));

    private static async Task<Ok<UnreadMessages>> StaffUnread(ClaimsPrincipal user, MessageStats stats, CancellationToken ct) =>
        TypedResults.Ok(new UnreadMessages(await stats.UnreadCountAsync(user.UserId(), ct)));

    private static async Task<Ok<MessageThread>> StaffThread(Guid id, ClaimsPrincipal user, MailboxReader reader, CancellationToken ct) =>
        TypedResults.Ok((await reader.OpenThreadAsync(StaffBox(user), id, ct)).Thread);

    private static async Task<Created<MessageThread>> StaffReply(Guid id, HttpRequest request, ClaimsPrincipal user, MessageSender sender,
        MailboxReader reader, CancellationToken ct) => await ReplyIn(StaffBox(user), id, request, sender, reader, ct);

    private static async Task<FileContentHttpResult> StaffDownload(Guid id, int position, ClaimsPrincipal user, MailboxReader reader, CancellationToken ct) =>
        await DownloadFrom(StaffBox(user), id, position, reader, ct);
}
