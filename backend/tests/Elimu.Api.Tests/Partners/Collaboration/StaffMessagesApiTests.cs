using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Account;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Tests.Partners.Collaboration;

/// <summary>
/// Issue 16, the staff side of partner messages (/api/v1/staff/messages, the admin Messages page): rows and threads name
/// the partner organisation, an unread count per staff member, replies with files, and each staff member's mailbox is
/// their own: partners and other staff are refused.
/// </summary>
public sealed class StaffMessagesApiTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    private const string Partner = "/api/v1/partner/collaboration";
    private const string Staff = "/api/v1/staff/messages";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n");

    private static async Task<JsonElement> OkJson(HttpResponseMessage r, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{(int)r.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<Guid> WriteAsync(ApiClient from, Guid to, string subject) =>
        (await OkJson(await from.PostAsync($"{Partner}/messages", new { recipientId = to, subject, body = "A question for you" }), HttpStatusCode.Created))
        .GetProperty("messages")[0].GetProperty("id").GetGuid();

    private static async Task<int> UnreadAsync(ApiClient staff) => (await OkJson(await staff.GetAsync($"{Staff}/unread"))).GetProperty("unread").GetInt32();

    private Task<string> OrganisationOf(AppUser partner) =>
        api.WithDbAsync(db => db.PartnerProfiles.Where(p => p.UserId == partner.Id).Select(p => p.OrganizationName).SingleAsync());

    [Fact]
    public async Task Staff_see_the_partner_organisation_count_their_unread_messages_and_answer_with_a_file()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        var viewer = await api.AddMemberAsync(owner, TeamRole.viewer);
        var staff = await api.CreateAsync(Roles.Staff);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        using var viewerClient = await api.LoginAsync(viewer.Email!, TestUsers.Password);
        using var staffClient = await api.LoginAsync(staff.Email!, TestUsers.Password);
        var organisation = await OrganisationOf(owner);

        Assert.Equal(0, await UnreadAsync(staffClient));
        var first = await WriteAsync(ownerClient, staff.Id, "Report question");
        var second = await WriteAsync(viewerClient, staff.Id, "Login trouble");
        Assert.Equal(2, await UnreadAsync(staffClient));

        // Each row names the partner organisation and the member who wrote.
        var inbox = await OkJson(await staffClient.GetAsync($"{Staff}?box=inbox&pageSize=1"));
        Assert.Equal(2, inbox.GetProperty("total").GetInt32());
        var row = inbox.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(second, row.GetProperty("id").GetGuid());
        Assert.Equal(organisation, row.GetProperty("partnerName").GetString());
        Assert.Equal(viewer.Id, row.GetProperty("from").GetProperty("userId").GetGuid());

        // Opening a conversation reads it: the count drops by its messages, and the thread names the partner.
        var thread = await OkJson(await staffClient.GetAsync($"{Staff}/{first}"));
        Assert.Equal(organisation, thread.GetProperty("partnerName").GetString());
        Assert.Equal(owner.Id, thread.GetProperty("with").GetProperty("userId").GetGuid());
        Assert.Equal(1, await UnreadAsync(staffClient));

        // The answer carries a file; the partner downloads it from their own route, and sees the reply as unread.
        var form = new MultipartFormDataContent { { new StringContent("The report is attached."), "body" } };
        var part = new ByteArrayContent(Pdf);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(part, "attachments", "answer.pdf");
        var answered = await OkJson(await staffClient.Http.PostAsync($"{Staff}/{first}/replies", form), HttpStatusCode.Created);
        var reply = answered.GetProperty("messages")[1];
        Assert.True(reply.GetProperty("isMine").GetBoolean());
        Assert.StartsWith($"{Staff}/", reply.GetProperty("attachments")[0].GetProperty("url").GetString());

        var sent = await OkJson(await staffClient.GetAsync($"{Staff}?box=sent"));
        Assert.Equal("Re: Report question", sent.GetProperty("items")[0].GetProperty("subject").GetString());
        Assert.Equal(organisation, sent.GetProperty("items")[0].GetProperty("partnerName").GetString());

        var ownerThread = await OkJson(await ownerClient.GetAsync($"{Partner}/messages/{first}"));
        var received = ownerThread.GetProperty("messages")[1];
        var download = await ownerClient.GetAsync(received.GetProperty("attachments")[0].GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        // The staff member's own receipt: the owner opened the thread.
        var staffView = await OkJson(await staffClient.GetAsync($"{Staff}/{first}"));
        Assert.NotEqual(JsonValueKind.Null, staffView.GetProperty("messages")[1].GetProperty("readAt").ValueKind);
    }

    [Fact]
    public async Task One_staff_member_never_sees_or_answers_the_messages_of_another()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        var staffA = await api.CreateAsync(Roles.Staff);
        var staffB = await api.CreateAsync(Roles.Staff);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        using var a = await api.LoginAsync(staffA.Email!, TestUsers.Password);
        using var b = await api.LoginAsync(staffB.Email!, TestUsers.Password);

        var form = new MultipartFormDataContent
        {
            { new StringContent(staffA.Id.ToString()), "recipientId" }, { new StringContent("Private to A"), "subject" }, { new StringContent("Only for A"), "body" },
        };
        var part = new ByteArrayContent(Pdf);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(part, "attachments", "a.pdf");
        var id = (await OkJson(await ownerClient.Http.PostAsync($"{Partner}/messages", form), HttpStatusCode.Created))
            .GetProperty("messages")[0].GetProperty("id").GetGuid();

        Assert.Equal(1, await UnreadAsync(a));
        Assert.Equal(0, await UnreadAsync(b));
        foreach (var box in new[] { "inbox", "sent" })
            Assert.DoesNotContain((await OkJson(await b.GetAsync($"{Staff}?box={box}&search=private"))).GetProperty("items").EnumerateArray(),
                r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"{Staff}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"{Staff}/{id}/attachments/0")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsync($"{Staff}/{id}/replies", new { body = "Not mine to answer" })).StatusCode);
        // B's look left A's message unread.
        Assert.Equal(1, await UnreadAsync(a));
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"{Staff}/{id}/attachments/0")).StatusCode);
    }

    [Fact]
    public async Task Partner_members_and_parents_are_refused_every_staff_route()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        var member = await api.AddMemberAsync(owner, TeamRole.owner);
        var parent = await api.CreateAsync(Roles.Parent);
        var staff = await api.CreateAsync(Roles.Staff);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        var id = await WriteAsync(ownerClient, staff.Id, "Mine");

        foreach (var who in new[] { owner, member, parent })
        {
            using var client = await api.LoginAsync(who.Email!, TestUsers.Password);
            foreach (var url in new[] { Staff, $"{Staff}/unread", $"{Staff}/{id}", $"{Staff}/{id}/attachments/0" })
                Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"{Staff}/{id}/replies", new { body = "As staff" })).StatusCode);
        }
        using var anonymous = api.CreateApiClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{Staff}/unread")).StatusCode);
    }

    [Fact]
    public async Task An_admin_reads_and_answers_their_messages_on_the_staff_routes()
    {
        var owner = await api.CreateAsync(Roles.Partner);
        var admin = await api.CreateAsync(Roles.Admin);
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        using var adminClient = await api.LoginAsync(admin.Email!, TestUsers.Password);
        var id = await WriteAsync(ownerClient, admin.Id, "For the admin");

        Assert.Equal(1, await UnreadAsync(adminClient));
        await OkJson(await adminClient.PostAsync($"{Staff}/{id}/replies", new { body = "Answered." }), HttpStatusCode.Created);
        Assert.Equal(0, await UnreadAsync(adminClient));
        // A reply without text is a 400 on body, not a 500.
        var empty = await adminClient.PostAsync($"{Staff}/{id}/replies", new { body = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.True((await empty.JsonAsync()).GetProperty("errors").TryGetProperty("body", out _));
    }
}
