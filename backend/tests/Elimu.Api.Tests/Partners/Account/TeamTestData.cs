using System.Net;
using System.Text.Json;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Elimu.Api.Tests.Partners.Account;

/// <summary>The API on a FakeTimeProvider, so invitation expiry is a step of the clock.</summary>
public class TeamApiFactory : ElimuApiFactory
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);
    protected override TimeProvider? Clock => Time;
}

internal static class TeamTestData
{
    public const string Team = "/api/v1/partner/account/team";
    public const string Invitations = "/api/v1/partner/account/team/invitations";

    public static string Accept(string token) => $"/api/v1/team-invitations/{token}/accept";
    public static string Preview(string token) => $"/api/v1/team-invitations/{token}";

    public static string NewEmail(string who = "member") => $"{who}-{Guid.NewGuid():N}@test.elimu";

    /// <summary>Invites <paramref name="email"/> as the signed-in owner; returns the invitation id and the token of its link.</summary>
    public static async Task<(Guid Id, string Token)> InviteAsync(this ApiClient owner, string email, string role)
    {
        var response = await owner.PostAsync(Invitations, new { email, role });
        var body = await response.JsonAsync();
        if (response.StatusCode != HttpStatusCode.Created) throw new InvalidOperationException($"invite: {(int)response.StatusCode} {body}");
        return (body.GetProperty("id").GetGuid(), TokenOf(body.GetProperty("link").GetString()!));
    }

    public static string TokenOf(string link) => link[(link.LastIndexOf('/') + 1)..];

    /// <summary>A new browser that opens the link and joins with a new account; it is then signed in as the member.</summary>
    public static async Task<(ApiClient Client, HttpResponseMessage Response)> JoinAsync(this ElimuApiFactory api, string token,
        string name = "Nia Member", string password = TestUsers.Password)
    {
        var client = api.CreateApiClient();
        await client.GetAsync(Preview(token)); // as the page does first; it also hands out the antiforgery token
        return (client, await client.PostAsync(Accept(token), new { fullName = name, password }));
    }

    /// <summary>Puts a fresh user on the team of <paramref name="owner"/> with the role, as an accepted invitation would.</summary>
    public static async Task<AppUser> AddMemberAsync(this ElimuApiFactory api, AppUser owner, TeamRole role)
    {
        var created = await api.CreateAsync(Roles.Parent, NewEmail(role.ToString()));
        using var scope = api.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(created.Id.ToString()))!;
        await users.AddToRoleAsync(user, Roles.Partner);
        await users.RemoveFromRoleAsync(user, Roles.Parent);
        var db = scope.ServiceProvider.GetRequiredService<Elimu.Api.Data.AppDbContext>();
        var profile = await db.PartnerProfiles.Where(p => p.UserId == owner.Id).Select(p => p.Id).SingleAsync();
        db.PartnerTeamMembers.Add(new PartnerTeamMember { PartnerProfileId = profile, UserId = user.Id, Role = role });
        await db.SaveChangesAsync();
        return user;
    }

    public static async Task<string?> CodeAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        // A list answer (an array) has no code; only a ProblemDetails object does.
        try { return JsonDocument.Parse(text).RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("code", out var c) ? c.GetString() : null; }
        catch (JsonException) { return null; }
    }
}
