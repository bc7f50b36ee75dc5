using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Data.Locks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Elimu.Api.Platform.Notifications.Delivery;

/// <summary>
/// Sends what the outbox holds, off the request path. A job: one instance sends (<see cref="JobLeadership"/>), so two
/// instances never send the same message (and each message is claimed before it is sent, for the moments two run). A failure is logged, counted and retried later (1, 2, 4 … 60 minutes) up to
/// <see cref="MaxAttempts"/>, then the message is marked failed; the request that queued it succeeded long before.
/// </summary>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, JobLeadership leadership, IConfiguration configuration,
    TimeProvider clock, ILogger<OutboxDispatcher> log) : BackgroundService
{
    public const string Job = "outbox";
    public const int MaxAttempts = 8;
    private const int Batch = 50;
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Mail:OutboxPollSeconds", 5)));
        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickOnPoolAsync(stoppingToken))
            {
                try
                {
                    if (await leadership.LeadsAsync(Job, stoppingToken)) await SendDueAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "The outbox scan failed; it runs again at the next tick");
                }
            }
        }
        finally
        {
            await leadership.StepDownAsync(Job);
        }
    }

    /// <summary>Sends every due message, a batch at a time; how many were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var sent = 0;
        while (true)
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.pending && m.NextAttemptAt <= now)
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Take(Batch).ToListAsync(ct);
            if (due.Count == 0) return sent;
            foreach (var message in due)
            {
                // Claimed by moving its due time past a lease: of two senders (a handover between instances, a manual
                // run), only the one whose update matched sends it; a sender that dies leaves it due again after the lease.
                var lease = clock.GetUtcNow().UtcDateTime + ClaimLease;
                var claimed = await db.OutboxMessages
                    .Where(m => m.Id == message.Id && m.Status == OutboxStatus.pending && m.NextAttemptAt == message.NextAttemptAt)
                    .ExecuteUpdateAsync(m => m.SetProperty(x => x.NextAttemptAt, lease), ct);
                if (claimed == 0) continue;
                try
                {
                    await SendAsync(scope.ServiceProvider, message, ct);
                    message.Status = OutboxStatus.sent;
                    message.SentAt = clock.GetUtcNow().UtcDateTime;
                    sent++;
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    message.Attempts++;
                    message.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                    if (message.Attempts >= MaxAttempts) message.Status = OutboxStatus.failed;
                    else message.NextAttemptAt = clock.GetUtcNow().UtcDateTime + RetryDelay(message.Attempts);
                    log.LogWarning("Could not send {Channel} {Id} (attempt {Attempt}): {Error}", message.Channel, message.Id, message.Attempts, e.Message);
                }
                await db.SaveChangesAsync(ct);
            }
            if (due.Count < Batch) return sent;
        }
    }

    public static TimeSpan RetryDelay(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, attempts - 1)));

    private static async Task SendAsync(IServiceProvider services, OutboxMessage message, CancellationToken ct)
    {
        if (message.Channel == OutboxChannel.sms)
        {
            await services.GetRequiredService<ISmsSender>().SendAsync(message.To, message.TextBody, ct);
            return;
        }
        var options = services.GetRequiredService<IOptions<MailOptions>>().Value;
        var mime = new MimeMessage { Subject = message.Subject, MessageId = $"{message.Id:N}@{MailDomain(options.From)}" };
        mime.From.Add(new MailboxAddress(options.FromName, options.From));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.To));
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        await services.GetRequiredService<IMailSender>().SendAsync(mime, ct);
    }

    private static string MailDomain(string address) => address.Contains('@') ? address[(address.IndexOf('@') + 1)..] : "elimu.local";
}
