using Elimu.Api.Partners.Alerts;
using Elimu.Api.Partners.Analytics;
using Elimu.Api.Partners.Content;
using Elimu.Api.Partners.Content.Resources;
using Elimu.Api.Partners.Content.Courses;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Account.Export;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Partners.Account.Digests;
using Elimu.Api.Partners.Account.Notifications;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Collaboration;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Dashboard;
using Elimu.Api.Partners.Enrollments;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Finance.Budgets;
using Elimu.Api.Partners.Finance.Grants;
using Elimu.Api.Partners.Profiles;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Partners.Support;
using Elimu.Api.Partners.Support.Help;
using Elimu.Api.Partners.Support.Training;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Notifications;

namespace Elimu.Api.Partners;

/// <summary>Registers and maps every section of the partner dashboard.</summary>
public static class PartnersModule
{
    public static IServiceCollection AddPartnerDashboard(this IServiceCollection services)
    {
        services.AddScoped<IPartnerProfileLookup, PartnerProfileLookup>();
        services.AddScoped<SponsorshipStats>();
        services.AddScoped<IPartnerPrograms>(sp => sp.GetRequiredService<SponsorshipStats>());
        services.AddScoped<ConsentStats>();
        services.AddScoped<BillingStats>();
        services.AddFinance();
        services.AddScoped<TicketStats>();
        services.AddScoped<PartnerCounters>();
        services.AddScoped<PartnerCountersPublisher>();
        services.AddScoped<IUnreadCountPush, PartnerHubUnreadCountPush>();
        services.AddScoped<IPartnerCountersChanged>(sp => sp.GetRequiredService<PartnerCountersPublisher>());
        services.AddScoped<IConsentOptOuts>(sp => sp.GetRequiredService<ConsentStats>());
        services.AddLeavingAndSubstitutes();
        // Consent asks a substitute's guardians for Sponsorships (registered here: Sponsorships naming Consent would close a cycle).
        services.AddScoped<IConsentRequests, ConsentRequests>();
        services.AddHostedService<ChildAlertWatcher>();
        services.AddScoped<DashboardOverviewService>();
        services.AddSingleton<MemberUnreadFigures>();
        services.AddScoped<AiHighlightsService>();
        OverviewChangeWatcher.AddTo(services);
        services.AddScoped<PartnerNames>();
        services.AddScoped<PartnerLetterheads>();
        services.AddScoped<PartnerTaxes>();
        services.AddScoped<ProgramStore>();
        services.AddScoped<ProgramListings>();
        services.AddScoped<SponsoredChildReader>();
        services.AddScoped<EnrolmentReader>();
        services.AddScoped<SponsoredChildStatusChanges>();
        services.AddScoped<ConsentReader>();
        services.AddConsentRequests();
        services.AddScoped<ConsentHistory>();
        StatusHistoryRecorder.AddTo(services);
        services.AddScoped<StatusHistoryReader>();
        services.AddScoped<ChildAccess>();
        services.AddScoped<ChildLearningGate>();
        services.AddScoped<CohortLearning>();
        services.AddScoped<ParentConsentQueries>();
        services.AddEnrollmentImports();
        services.AddPartnerTeams();
        services.AddAiGenerationLimit();
        services.AddSupport();
        services.AddResourceContributions();
        services.AddCollaboration();
        services.AddBudgets();
        services.AddAnalytics();
        services.AddSponsoredCourses();
        services.AddGrants();
        services.AddImpactReports();
        services.AddScoped<DigestContent>();
        services.AddSingleton<DigestRunner>();
        services.AddHostedService<DigestJob>();
        services.AddSingleton<HelpLibrary>();
        services.AddSingleton<CourseCatalog>();
        services.AddAnalyticsInsights();
        services.AddChildAlerts();
        return services;
    }

    public static IEndpointRouteBuilder MapPartnerApis(this IEndpointRouteBuilder app)
    {
        app.MapPartnerDashboardApi();
        // Sponsorships, then the children's views, then consent, then approval: the order the API document has always had.
        app.MapSponsorshipApi();
        app.MapLeavingApi();
        app.MapChildDataApi();
        app.MapConsentApi();
        app.MapProgramApprovalApi();
        app.MapSponsorshipPolicyApi();
        app.MapEnrollmentApi();
        app.MapTeamApi();
        app.MapProfileApi();
        app.MapPartnerNotificationsApi();
        app.MapGroup("/api/v1/partner/account").WithTags("Partner · Account").RequireAuthorization(PartnerPolicies.Read)
            .AddEndpointFilter<ReadAuditFilter>().MapAccountExportApi();
        app.MapHelpApi();
        app.MapTrainingApi();
        app.MapSupportApi();
        app.MapContentApi();
        app.MapCollaborationApi();
        app.MapBudgetApi();
        app.MapGrantApi();
        app.MapAnalyticsApi();
        app.MapFinanceApi();
        app.MapPaymentMethodApi();
        app.MapPricingApi();
        app.MapAlertApi();
        app.MapHub<PartnerHub>(PartnerHub.Path);
        return app;
    }
}
