using Elimu.Api.Data;
using Elimu.Api.Data.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Elimu.Api.Tests.Infrastructure;

/// <summary>The real API over HTTP, on its own database (SQLite file or PostgreSQL database), migrated.</summary>
public class ElimuApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public TestDatabase Database { get; } = TestDatabase.Create();
    public QueryCounter Queries { get; } = new();
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ELIMU_DB", Database.IsPostgres ? "postgres" : "sqlite");
        builder.UseSetting(Database.IsPostgres ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite", Database.ConnectionString);
        builder.UseSetting("RateLimits:LoginPerMinute", "10000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            if (Database.IsPostgres) services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(Queries));
            else services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(Queries));
        });
    }

    public virtual async Task InitializeAsync()
    {
        using var scope = Services.CreateScope();
        await DatabaseCommands.MigrateAsync(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILogger<ElimuApiFactory>>());
    }

    /// <summary>A client that keeps the session cookie and echoes the XSRF token like the SPA does.</summary>
    public ApiClient CreateApiClient() => new(CreateDefaultClient(new CookieSessionHandler()));

    public async Task<ApiClient> LoginAsync(string email, string password = DemoSeeder.Password)
    {
        var client = CreateApiClient();
        await client.LoginAsync(email, password);
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task WithDbAsync(Func<AppDbContext, Task> work) => WithDbAsync(async db => { await work(db); return 0; });

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>A migrated API with the demo data seeded once, shared by the tests of a class.</summary>
public class SeededApiFactory : ElimuApiFactory
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var scope = Services.CreateScope();
        await DemoSeeder.RunAsync(scope.ServiceProvider);
    }
}
