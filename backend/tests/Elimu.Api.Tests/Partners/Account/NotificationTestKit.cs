using Elimu.Api.Platform.Notifications.Delivery;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Elimu.Api.Tests.Partners.Account;

internal static class NotificationTestKit
{
    public const string Notifications = "/api/v1/partner/account/notifications";

    /// <summary>Sends what the outbox holds now (the dispatcher's own pass, without waiting for its tick).</summary>
    public static Task<int> SendOutboxAsync(this ElimuApiFactory api) => api.Services.GetRequiredService<OutboxDispatcher>().SendDueAsync(default);

    /// <summary>The .eml files this host wrote, parsed back.</summary>
    public static List<MimeMessage> Mails(this ElimuApiFactory api) => Directory.Exists(api.MailFolder)
        ? Directory.GetFiles(api.MailFolder, "*.eml").Select(f => MimeMessage.Load(f)).ToList()
        : [];

    public static bool IsTo(this MimeMessage m, string email) =>
        m.To.Mailboxes.Any(a => string.Equals(a.Address, email, StringComparison.OrdinalIgnoreCase));
}
