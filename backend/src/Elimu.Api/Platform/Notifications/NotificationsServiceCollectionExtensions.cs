using Elimu.Api.Data;
using Elimu.Api.Platform.Notifications.Delivery;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Platform.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>The Notifier, preferences, the inbox, and delivery: SMTP or .eml files for mail, a gateway or the log for texts.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection("Mail"));
        services.Configure<SmsOptions>(configuration.GetSection("Sms"));
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<NotificationPreferences>();
        services.AddScoped<INotificationRecipients, PartnerUserRecipients>();
        services.AddSingleton<MailContent>();

        if (!string.IsNullOrWhiteSpace(configuration["Mail:Smtp:Host"])) services.AddSingleton<IMailSender, SmtpMailSender>();
        else services.AddSingleton<IMailSender>(sp => new PickupDirectoryMailSender(PickupDirectory(sp)));

        if (!string.IsNullOrWhiteSpace(configuration["Sms:BaseUrl"])) services.AddHttpClient<ISmsSender, AfricasTalkingSmsSender>();
        else services.AddSingleton<ISmsSender, LogOnlySmsSender>();

        services.AddSingleton<UnreadCountChanges>();
        services.AddHostedService(sp => sp.GetRequiredService<UnreadCountChanges>());
        AfterCommitWatcher.AddToEveryContext(services, sp => new UnreadCountWatcher(sp.GetRequiredService<UnreadCountChanges>()));

        services.AddHostedService<OutboxDispatcher>();
        services.AddSingleton(sp => sp.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single());
        return services;
    }

    /// <summary>Mail:PickupDirectory, else data/mail beside the SQLite database, else data/mail under the content root.</summary>
    private static string PickupDirectory(IServiceProvider sp)
    {
        if (sp.GetRequiredService<IOptions<MailOptions>>().Value.PickupDirectory is { Length: > 0 } configured) return Path.GetFullPath(configured);
        var database = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (database.Provider == DatabaseProvider.Sqlite && DatabaseOptions.SqliteFolder(database.ConnectionString) is { } folder)
            return Path.Combine(folder, "mail");
        return Path.Combine(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, "data", "mail");
    }
}
