using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

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
        if (configuration.SelectedProvider() == DatabaseProvider.Postgres)
        {
            var cs = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("ELIMU_DB=postgres needs ConnectionStrings__Postgres.");
            services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, o) => o.UsePostgres(cs).AddInterceptors(Stamps(sp)));
        }
        else
        {
            var cs = configuration.GetConnectionString("Sqlite") ?? DefaultSqlite;
            EnsureSqliteFolder(cs);
            services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, o) => o.UseSqliteFile(cs).AddInterceptors(Stamps(sp)));
        }
        return services;
    }

    private static CreationTimestamps Stamps(IServiceProvider services) => new(services.GetRequiredService<TimeProvider>());

    internal static DbContextOptionsBuilder UseSqliteFile(this DbContextOptionsBuilder o, string cs) =>
        o.UseSqlite(cs, s => s.MigrationsHistoryTable("__ef_migrations_history")).UseSnakeCaseNamingConvention();

    internal static DbContextOptionsBuilder UsePostgres(this DbContextOptionsBuilder o, string cs) =>
        o.UseNpgsql(cs, s => s.MigrationsHistoryTable("__ef_migrations_history")).UseSnakeCaseNamingConvention();

    private static void EnsureSqliteFolder(string connectionString)
    {
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder) && path != ":memory:") Directory.CreateDirectory(folder);
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
