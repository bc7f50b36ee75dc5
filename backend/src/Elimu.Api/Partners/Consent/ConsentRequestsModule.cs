namespace Elimu.Api.Partners.Consent;

/// <summary>Expiry, reminders and re-asking of consent requests (Consent:Requests).</summary>
public static class ConsentRequestsModule
{
    public static IServiceCollection AddConsentRequests(this IServiceCollection services)
    {
        services.AddOptions<ConsentRequestOptions>().BindConfiguration(ConsentRequestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ConsentExpiry>();
        services.AddSingleton<ConsentReminderRunner>();
        services.AddHostedService<ConsentReminderJob>();
        return services;
    }
}
