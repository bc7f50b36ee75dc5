using System.Security.Claims;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.Finance.Budgets;

/// <summary>The year's budget: who may read it is any member; who may set it is who may pay (owner and finance).</summary>
public static class BudgetEndpoints
{
    public const string Path = "/api/v1/partner/finance/budget";

    public static IServiceCollection AddBudgets(this IServiceCollection services) =>
        services.AddSingleton<RenewalSchedule>().AddScoped<BudgetReader>().AddScoped<SaveBudget>().AddScoped<SpendInPeriod>();

    public static IEndpointRouteBuilder MapBudgetApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Path).WithTags("Partner · Finance").RequireAuthorization(PartnerPolicies.Read);
        group.MapGet("", Get).WithSummary("The fiscal year's budget (year = the calendar year it starts in; default: the current one): allocated, spent, committed and remaining per program and in total, and month by month (actual, then forecast).");
        group.MapPut("", Put).RequireAuthorization(PartnerPolicies.Pay)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Create or replace the year's total and allocations; 422 when allocations exceed the total or name another partner's program.");
        return app;
    }

    private static async Task<Ok<BudgetOverview>> Get([AsParameters] BudgetQuery q, ClaimsPrincipal user, BudgetReader reader, CancellationToken ct)
    {
        new Common.Validation().Within("year", q.Year, 2000, 2100).ThrowIfInvalid();
        return TypedResults.Ok(await reader.OverviewAsync(user.PartnerId(), q.Year, ct));
    }

    private static async Task<Ok<BudgetOverview>> Put(SaveBudgetRequest body, ClaimsPrincipal user, SaveBudget save, CancellationToken ct) =>
        TypedResults.Ok(await save.SaveAsync(user.PartnerId(), body, ct));
}
