using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Elimu.Api.Common;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Account;
using Ical.Net;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Tests.Partners.Collaboration;

/// <summary>Issue 16, collaboration: messages only between a partner's team and staff, read receipts, attachments, meetings and their invitations.</summary>
public sealed class CollaborationApiTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    private const string Base = "/api/v1/partner/collaboration";

    private sealed record World(AppUser Owner, AppUser Viewer, AppUser Staff, AppUser Other, ApiClient OwnerClient, ApiClient ViewerClient,
        ApiClient StaffClient, ApiClient OtherClient);

    private async Task<World> WorldAsync()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        var viewer = await api.AddMemberAsync(owner, TeamRole.viewer);
        var staff = await api.CreateAsync(Roles.Staff);
        var other = await api.CreateAsync(Roles.Partner);
        return new World(owner, viewer, staff, other, await api.LoginAsync(owner.Email!, TestUsers.Password),
            await api.LoginAsync(viewer.Email!, TestUsers.Password), await api.LoginAsync(staff.Email!, TestUsers.Password),
            await api.LoginAsync(other.Email!, TestUsers.Password));
    }

    private static Task<HttpResponseMessage> SendAsync(ApiClient from, Guid to, string subject = "Hello", string body = "A question",
        params (string Name, byte[] Content)[] files)
    {
        if (files.Length == 0) return from.PostAsync($"{Base}/messages", new { recipientId = to, subject, body });
        var form = new MultipartFormDataContent
        {
            { new StringContent(to.ToString()), "recipientId" }, { new StringContent(subject), "subject" }, { new StringContent(body), "body" },
        };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "attachments", name);
        }
        return from.Http.PostAsync($"{Base}/messages", form);
    }

    private static async Task<JsonElement> OkJson(HttpResponseMessage r, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{(int)r.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    [Fact]
    public async Task A_member_writes_to_staff_and_a_colleague_but_never_to_another_partner_or_a_parent()
    {
        var w = await WorldAsync();
        var parent = await api.CreateAsync(Roles.Parent);

        var recipients = await OkJson(await w.OwnerClient.GetAsync($"{Base}/messages/recipients"));
        var ids = recipients.EnumerateArray().Select(r => r.GetProperty("userId").GetGuid()).ToList();
        Assert.Contains(w.Staff.Id, ids);
        Assert.Contains(w.Viewer.Id, ids);
        Assert.DoesNotContain(w.Other.Id, ids);
        Assert.DoesNotContain(parent.Id, ids);
        Assert.DoesNotContain(w.Owner.Id, ids);

        await OkJson(await SendAsync(w.OwnerClient, w.Staff.Id), HttpStatusCode.Created);
        await OkJson(await SendAsync(w.ViewerClient, w.Owner.Id, "From the viewer"), HttpStatusCode.Created);
        foreach (var refused in new[] { w.Other.Id, parent.Id, Guid.NewGuid() })
        {
            var r = await SendAsync(w.OwnerClient, refused);
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.True((await r.JsonAsync()).GetProperty("errors").TryGetProperty("recipientId", out _));
        }
        // The other partner cannot address this partner's people either.
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(w.OtherClient, w.Owner.Id)).StatusCode);
        Assert.Equal(0, await api.WithDbAsync(db => db.PartnerMessages.CountAsync(m => m.RecipientId == w.Other.Id || m.SenderId == w.Other.Id)));
    }

    [Fact]
    public async Task Opening_a_thread_sets_the_read_receipt_and_the_unread_count_and_only_its_two_people_see_it()
    {
        var w = await WorldAsync();
        var sent = await OkJson(await SendAsync(w.StaffClient is null ? w.OwnerClient : w.OwnerClient, w.Staff.Id, "Report question"), HttpStatusCode.Created);
        var id = sent.GetProperty("messages")[0].GetProperty("id").GetGuid();

        // Staff see it unread in their inbox, and answer; the answer goes to the owner.
        var inbox = await OkJson(await w.StaffClient.GetAsync("/api/v1/staff/messages?box=inbox"));
        var row = inbox.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("readAt").ValueKind);
        var thread = await OkJson(await w.StaffClient.GetAsync($"/api/v1/staff/messages/{id}"));
        Assert.NotEqual(JsonValueKind.Null, thread.GetProperty("messages")[0].GetProperty("readAt").ValueKind);
        await OkJson(await w.StaffClient.PostAsync($"/api/v1/staff/messages/{id}/replies", new { body = "Here is the answer." }), HttpStatusCode.Created);

        // The owner sees the receipt on what they sent, and one unread message in the counters until they open the thread.
        var counters = await OkJson(await w.OwnerClient.GetAsync("/api/v1/partner/dashboard/counters"));
        Assert.Equal(1, counters.GetProperty("unreadMessages").GetInt32());
        var viewerCounters = await OkJson(await w.ViewerClient.GetAsync("/api/v1/partner/dashboard/counters"));
        Assert.Equal(0, viewerCounters.GetProperty("unreadMessages").GetInt32());
        var ownerInbox = await OkJson(await w.OwnerClient.GetAsync($"{Base}/messages?box=inbox"));
        Assert.Equal("Re: Report question", ownerInbox.GetProperty("items")[0].GetProperty("subject").GetString());
        var opened = await OkJson(await w.OwnerClient.GetAsync($"{Base}/messages/{id}"));
        Assert.Equal(2, opened.GetProperty("messages").GetArrayLength());
        Assert.All(opened.GetProperty("messages").EnumerateArray(), m => Assert.NotEqual(JsonValueKind.Null, m.GetProperty("readAt").ValueKind));
        counters = await OkJson(await w.OwnerClient.GetAsync("/api/v1/partner/dashboard/counters"));
        Assert.Equal(0, counters.GetProperty("unreadMessages").GetInt32());
        var sentBox = await OkJson(await w.OwnerClient.GetAsync($"{Base}/messages?box=sent&search=report"));
        Assert.Equal(1, sentBox.GetProperty("total").GetInt32());

        // A "New message" notification reached each recipient.
        Assert.True(await api.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == w.Staff.Id && n.Category == Api.Platform.Notifications.NotificationCategory.message)));
        Assert.True(await api.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == w.Owner.Id && n.Category == Api.Platform.Notifications.NotificationCategory.message)));

        // Neither a colleague outside the conversation nor another partner can read it or answer in it.
        foreach (var outsider in new[] { w.ViewerClient, w.OtherClient })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{Base}/messages/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"{Base}/messages/{id}/replies", new { body = "x" })).StatusCode);
            Assert.Equal(0, (await OkJson(await outsider.GetAsync($"{Base}/messages?box=inbox&search=report"))).GetProperty("total").GetInt32());
        }
        // A partner is no staff.
        Assert.Equal(HttpStatusCode.Forbidden, (await w.OtherClient.GetAsync("/api/v1/staff/messages")).StatusCode);
    }

    [Fact]
    public async Task Attachments_are_typed_by_their_bytes_bounded_and_downloaded_only_by_the_threads_people()
    {
        var w = await WorldAsync();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
        var sent = await OkJson(await SendAsync(w.OwnerClient, w.Staff.Id, "With a file", "See attached", ("report.pdf", pdf)), HttpStatusCode.Created);
        var message = sent.GetProperty("messages")[0];
        var attachment = message.GetProperty("attachments")[0];
        Assert.Equal("application/pdf", attachment.GetProperty("mimeType").GetString());
        var url = attachment.GetProperty("url").GetString()!;

        var download = await w.OwnerClient.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var id = message.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await w.StaffClient.GetAsync($"/api/v1/staff/messages/{id}/attachments/0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.ViewerClient.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await w.OtherClient.GetAsync(url)).StatusCode);

        // An executable named .pdf is refused by its bytes; an oversized file and a fourth file by the limits. Nothing is stored.
        var before = await api.WithDbAsync(db => db.PartnerMessages.CountAsync());
        var exe = await SendAsync(w.OwnerClient, w.Staff.Id, "x", "y", ("invoice.pdf", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00]));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, exe.StatusCode);
        Assert.Equal("unsupported_attachment", await exe.CodeAsync());
        var big = new byte[5 * 1024 * 1024 + 1];
        "%PDF-"u8.CopyTo(big);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(w.OwnerClient, w.Staff.Id, "x", "y", ("big.pdf", big))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(w.OwnerClient, w.Staff.Id, "x", "y",
            ("a.pdf", pdf), ("b.pdf", pdf), ("c.pdf", pdf), ("d.pdf", pdf))).StatusCode);
        Assert.Equal(before, await api.WithDbAsync(db => db.PartnerMessages.CountAsync()));
    }

    [Fact]
    public async Task A_meeting_gets_a_valid_ics_invitation_and_moves_from_scheduled_to_cancelled_with_notes()
    {
        var w = await WorldAsync();
        var start = NextWeekdayAt(10);
        var created = await OkJson(await w.OwnerClient.PostAsync($"{Base}/meetings", new
        {
            title = "Term review", description = "Agenda: reading scores", scheduledAt = start, durationMinutes = 45,
            meetingUrl = "https://meet.example.org/term", attendeeIds = new[] { w.Staff.Id, w.Viewer.Id },
        }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("scheduled", created.GetProperty("status").GetString());

        var ics = await w.ViewerClient.GetAsync($"{Base}/meetings/{id}/invite.ics");
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var calendar = Calendar.Load(await ics.Content.ReadAsStringAsync())!;
        Assert.Equal("REQUEST", calendar.Method);
        var e = Assert.Single(calendar.Events);
        Assert.Equal($"{id}@elimu.partner", e.Uid);
        Assert.True(e.DtStart!.IsUtc);
        Assert.Equal(start.UtcDateTime, e.DtStart.AsUtc);
        Assert.Equal(start.UtcDateTime.AddMinutes(45), e.DtEnd!.AsUtc);
        Assert.Equal($"mailto:{w.Owner.Email}", e.Organizer!.Value!.ToString());
        Assert.Equal(new[] { w.Owner.Email, w.Staff.Email, w.Viewer.Email }.Order(),
            e.Attendees.Select(a => a.Value!.ToString()["mailto:".Length..]).Order());

        // Another partner sees none of it; a viewer may not change it.
        Assert.Equal(HttpStatusCode.NotFound, (await w.OtherClient.GetAsync($"{Base}/meetings/{id}/invite.ics")).StatusCode);
        Assert.Equal(0, (await OkJson(await w.OtherClient.GetAsync($"{Base}/meetings"))).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await w.ViewerClient.PostAsync($"{Base}/meetings/{id}/status", new { status = "cancelled", notes = "x" })).StatusCode);
        // Another partner's people cannot be invited.
        var refused = await w.OwnerClient.PostAsync($"{Base}/meetings", new { title = "x", scheduledAt = start, attendeeIds = new[] { w.Other.Id } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        Assert.Equal("meeting_not_started", await (await w.OwnerClient.PostAsync($"{Base}/meetings/{id}/status", new { status = "completed" })).CodeAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await w.OwnerClient.PostAsync($"{Base}/meetings/{id}/status", new { status = "cancelled" })).StatusCode);
        var cancelled = await OkJson(await w.OwnerClient.PostAsync($"{Base}/meetings/{id}/status", new { status = "cancelled", notes = "Moved to next term" }));
        Assert.Equal("Moved to next term", cancelled.GetProperty("notes").GetString());
        Assert.Equal("invalid_transition", await (await w.OwnerClient.PostAsync($"{Base}/meetings/{id}/status", new { status = "cancelled", notes = "again" })).CodeAsync());
        var again = Calendar.Load(await (await w.OwnerClient.GetAsync($"{Base}/meetings/{id}/invite.ics")).Content.ReadAsStringAsync())!;
        Assert.Equal("CANCEL", again.Method);
        Assert.Equal("CANCELLED", again.Events.Single().Status);
        var past = await OkJson(await w.OwnerClient.GetAsync($"{Base}/meetings?when=past"));
        Assert.Contains(past.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetGuid() == id);
        Assert.True(await api.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == w.Staff.Id && n.Title == "Meeting invitation: Term review")));
    }

    [Fact]
    public async Task Suggested_times_are_free_working_hour_slots_and_avoid_the_attendees_meetings()
    {
        var w = await WorldAsync();
        var first = await OkJson(await w.OwnerClient.GetAsync($"{Base}/meetings/suggested-times?attendees={w.Staff.Id}&duration=60&count=3"));
        var slots = first.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetDateTimeOffset()).ToList();
        Assert.Equal(3, slots.Count);
        foreach (var s in slots)
        {
            var local = s.ToOffset(TimeSpan.FromHours(3));
            Assert.InRange(local.TimeOfDay, TimeSpan.FromHours(8), TimeSpan.FromHours(16));
            Assert.True(local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        }

        // The staff member takes the first slot in a meeting with someone else's partner: it is no longer offered.
        var otherOwner = await api.CreateAsync(Roles.Partner);
        using var otherClient = await api.LoginAsync(otherOwner.Email!, TestUsers.Password);
        var taken = await OkJson(await otherClient.PostAsync($"{Base}/meetings", new
        {
            title = "Busy", scheduledAt = slots[0], durationMinutes = 60, attendeeIds = new[] { w.Staff.Id }, aiSuggested = true,
        }), HttpStatusCode.Created);
        Assert.True(taken.GetProperty("aiSuggested").GetBoolean());
        var busyStart = slots[0];
        var again = await OkJson(await w.OwnerClient.GetAsync($"{Base}/meetings/suggested-times?attendees={w.Staff.Id}&duration=60&count=5"));
        foreach (var s in again.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("start").GetDateTimeOffset()))
            Assert.False(s < busyStart.AddMinutes(60) && busyStart < s.AddMinutes(60), $"{s} overlaps the busy meeting at {busyStart}");

        // A start outside working hours is stored, but not as a suggestion.
        var evening = await OkJson(await w.OwnerClient.PostAsync($"{Base}/meetings", new
        {
            title = "Evening", scheduledAt = NextWeekdayAt(19), durationMinutes = 30, attendeeIds = new[] { w.Viewer.Id }, aiSuggested = true,
        }), HttpStatusCode.Created);
        Assert.False(evening.GetProperty("aiSuggested").GetBoolean());
        // Attendees of another partner are refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await w.OwnerClient.GetAsync($"{Base}/meetings/suggested-times?attendees={w.Other.Id}")).StatusCode);
    }

    /// <summary>A weekday a week or more ahead, at the given Nairobi hour.</summary>
    private static DateTimeOffset NextWeekdayAt(int hour)
    {
        var day = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(3)).Date.AddDays(8);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return new DateTimeOffset(day.AddHours(hour), TimeSpan.FromHours(3));
    }
}
