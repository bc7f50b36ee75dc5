using Microsoft.Extensions.Options;
using Npgsql;

namespace Elimu.Api.Data.Locks;

public static class LocksServiceCollectionExtensions
{
    public static IServiceCollection AddElimuLocks(this IServiceCollection services, DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
            services.AddSingleton<IDatabaseLocks>(sp => new PostgresAdvisoryLocks(
                NpgsqlDataSource.Create(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString)));
        else
            services.AddSingleton<IDatabaseLocks, InProcessLocks>();
        services.AddSingleton<JobLeadership>();
        return services;
    }
}
