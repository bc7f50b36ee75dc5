using System.Collections.Concurrent;
using Elimu.Api.Data.Locks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DatabaseServiceCollectionExtensions
{
    public const string DefaultSqlite = "Data Source=data/elimu.db";

    /// <summary>ELIMU_DB=postgres selects PostgreSQL (ConnectionStrings:Postgres); anything else the embedded SQLite file.</summary>
    public static DatabaseProvider SelectedProvider(this IConfiguration configuration) =>
        string.Equals(configuration["ELIMU_DB"], "postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public static IServiceCollection AddElimuDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration.SelectedProvider();
        services.AddOptions<DatabaseOptions>()
            .Configure(o =>
            {
                o.Provider = provider;
                o.ConnectionString = provider == DatabaseProvider.Postgres
                    ? configuration.GetConnectionString("Postgres") ?? ""
                    : configuration.GetConnectionString("Sqlite") ?? DefaultSqlite;
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();

        // Not pooled (AddDbContextPool), though a pool saved a tenth of a short list's CPU (bench/RESULTS.md, 2026-12-03):
        // the status-history and after-commit interceptors are built per scope from scoped services, and a pool builds
        // its options once, from the root.
        if (provider == DatabaseProvider.Postgres)
            services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => o.UsePostgres(ConnectionString(sp)).AddInterceptors(Stamps(sp)));
        else
        {
            services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) =>
                o.UseSqliteFile(EnsureSqliteFolder(ConnectionString(sp))).AddInterceptors(Stamps(sp)));
            // First of the hosted services, so the file is in WAL mode before any background writer starts.
            services.AddHostedService<SqliteWriteAheadLog>();
        }
        services.AddElimuDataProtection(provider);
        services.AddElimuLocks(provider);
        return services;
    }

    private static string ConnectionString(IServiceProvider services) => services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;

    private static CreationTimestamps Stamps(IServiceProvider services) => new(services.GetRequiredService<TimeProvider>());

    internal static DbContextOptionsBuilder UseSqliteFile(this DbContextOptionsBuilder o, string cs) =>
        o.UseSqlite(cs, s => s.MigrationsHistoryTable("__ef_migrations_history")).UseSnakeCaseNamingConvention();

    internal static DbContextOptionsBuilder UsePostgres(this DbContextOptionsBuilder o, string cs) =>
        o.UseNpgsql(WithAutoPrepare(cs), s => s.MigrationsHistoryTable("__ef_migrations_history")).UseSnakeCaseNamingConvention();

    /// <summary>
    /// Npgsql's automatic preparation, unless the connection string sets it: a statement the API has run a few times on a
    /// connection is kept prepared there, so PostgreSQL neither parses nor plans it again. Planning was most of what the
    /// child views cost the database (the consent gate's query took 1.6 ms to plan and 0.07 ms to run at the scale data).
    /// </summary>
    internal static string WithAutoPrepare(string cs) =>
        cs.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase) ? cs
            : new Npgsql.NpgsqlConnectionStringBuilder(cs) { MaxAutoPrepare = 500 }.ConnectionString;

    private static readonly ConcurrentDictionary<string, bool> FoldersMade = new();

    private static string EnsureSqliteFolder(string connectionString)
    {
        FoldersMade.GetOrAdd(connectionString, cs =>
        {
            if (DatabaseOptions.SqliteFolder(cs) is { } folder) Directory.CreateDirectory(folder);
            return true;
        });
        return connectionString;
    }
}

// Let `dotnet ef migrations add` build each provider's context without starting the web host.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<SqliteAppDbContext>)new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqliteFile("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgresAppDbContext>)new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UsePostgres("Host=127.0.0.1;Database=elimu_design").Options);
}
