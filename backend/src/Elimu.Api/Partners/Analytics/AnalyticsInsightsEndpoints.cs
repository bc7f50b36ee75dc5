using System.Security.Claims;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Analytics.Benchmarks;
using Elimu.Api.Partners.Analytics.Forecasts;
using Elimu.Api.Partners.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.Analytics;

/// <summary>Forecasts and cohort benchmarking under /api/v1/partner/analytics: figures by code, narrative by the orchestrator.</summary>
public static class AnalyticsInsightsEndpoints
{
    public static IServiceCollection AddAnalyticsInsights(this IServiceCollection services) =>
        services.AddScoped<ForecastService>().AddScoped<CohortBenchmarkService>().AddScoped<Finance.PartnerSpend>();

    public static RouteGroupBuilder MapAnalyticsInsights(this RouteGroupBuilder group)
    {
        group.MapGet("/forecasts", GetForecasts)
            .WithSummary("Enrollment, spend and cost per outcome for the next three school terms, with prediction intervals, from completed terms (consented children, the partner's own payments); an AI narrative explains them.");
        group.MapGet("/programs/{id:guid}/benchmark", GetBenchmark)
            .WithSummary("The program's consented children against platform children of the same grades and counties: quartiles of minutes per week and of scores per learning area, with a short narrative.");
        return group;
    }

    private static async Task<Ok<ForecastResponse>> GetForecasts(Guid? programId, ClaimsPrincipal user, ForecastService forecasts, CancellationToken ct) =>
        TypedResults.Ok(await forecasts.GetAsync(user.PartnerId(), programId, ct));

    private static async Task<Ok<CohortBenchmarkResponse>> GetBenchmark(Guid id, ClaimsPrincipal user, CohortBenchmarkService benchmarks, CancellationToken ct) =>
        TypedResults.Ok(await benchmarks.GetAsync(user.PartnerId(), id, ct));
}
