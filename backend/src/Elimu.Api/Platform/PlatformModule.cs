using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Learning.Ingestion;
using Elimu.Api.Platform.Learning.Insights;
using Elimu.Api.Platform.ServiceKeys;
using Elimu.Api.Platform.Notifications;
using Elimu.Api.Platform.Students;

namespace Elimu.Api.Platform;

/// <summary>The host platform's services: identity and sign-in, learning aggregates.</summary>
public static class PlatformModule
{
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddElimuIdentity(configuration);
        services.AddElimuAntiforgery();
        services.AddHttpContextAccessor();
        services.AddScoped<LearningStats>();
        services.AddScoped<PeriodLearningStats>();
        services.AddScoped<LearningBenchmarks>();
        services.AddScoped<CohortLearningStats>();
        services.AddScoped<LessonSequenceStats>();
        services.AddScoped<PlatformLessons>();
        services.AddScoped<ChildLearningInsights>();
        services.AddScoped<TermLearningReports>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<ReadAudit>();
        services.AddSingleton<ReadAuditQueue>();
        services.AddSingleton<IReadAuditQueue>(sp => sp.GetRequiredService<ReadAuditQueue>());
        services.AddHostedService<ReadAuditWriter>();
        services.AddNotifications(configuration);
        services.AddScoped<StudentDirectory>();
        services.AddServiceKeys();
        return services;
    }

    public static IEndpointRouteBuilder MapPlatformApis(this IEndpointRouteBuilder app)
    {
        app.MapAuthApi();
        app.MapAuditApi();
        app.MapServiceKeyApi();
        app.MapLearningEventsApi();
        return app;
    }
}
