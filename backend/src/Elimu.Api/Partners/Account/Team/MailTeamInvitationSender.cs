using Elimu.Api.Data;
using Elimu.Api.Platform.Notifications.Delivery;

namespace Elimu.Api.Partners.Account.Team;

/// <summary>
/// Mails the invitation link to the invitee through the outbox, so a slow or absent mail server never fails the owner's
/// request (with no SMTP configured the mail lands in data/mail/ as an .eml file). The owner still sees the link once in
/// the API's answer, to pass on by hand.
/// </summary>
internal sealed class MailTeamInvitationSender(IServiceScopeFactory scopes) : ITeamInvitationSender
{
    public async Task SendAsync(TeamInvitationCreated invitation, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mail = scope.ServiceProvider.GetRequiredService<MailContent>();
        var draft = new MailDraft($"{invitation.InvitedByName} invites you to {invitation.OrganizationName} on Elimu",
            $"Join {invitation.OrganizationName} on Elimu",
            [
                $"{invitation.InvitedByName} invites you to the {invitation.OrganizationName} team as {invitation.Role}.",
                $"The link works once, until {invitation.ExpiresAt:d MMMM yyyy HH:mm} UTC.",
            ],
            new Uri(invitation.Link).PathAndQuery, "Accept the invitation");
        db.OutboxMessages.Add(mail.Email(null, invitation.Email, null, draft));
        await db.SaveChangesAsync(ct);
    }
}
