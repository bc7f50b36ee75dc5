using Elimu.Api.Data;
using Elimu.Api.Data.Seeding;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Elimu.Api.Tests.Infrastructure;

/// <summary>The real API over HTTP, on its own database (SQLite file or PostgreSQL database), migrated.</summary>
public class ElimuApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool _ownsDatabase;

    public ElimuApiFactory() : this(TestDatabase.Create(), ownsDatabase: true) { }

    /// <summary>A second host on another host's database (another instance of the product, or the same after a restart).</summary>
    protected ElimuApiFactory(ElimuApiFactory sharing) : this(sharing.Database, ownsDatabase: false) { }

    private ElimuApiFactory(TestDatabase database, bool ownsDatabase)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
        // Outside Development session cookies are Secure only, so the test clients speak HTTPS as a browser would.
        ClientOptions.BaseAddress = HttpsBase;
    }

    public static readonly Uri HttpsBase = new("https://localhost");

    public TestDatabase Database { get; }
    /// <summary>Where this host writes its mail as .eml files (no SMTP server configured).</summary>
    public string MailFolder { get; } = Path.Combine(Path.GetTempPath(), $"elimu-mail-{Guid.NewGuid():N}");
    public QueryCounter Queries { get; } = new();
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>When set, replaces the system clock of the host (for back-off and expiry tests).</summary>
    protected virtual TimeProvider? Clock => null;

    protected override void ConfigureClient(HttpClient client) => client.BaseAddress = HttpsBase;

    protected override IHost CreateHost(IHostBuilder builder) => Queries.StartingBackgroundWork(() => base.CreateHost(builder));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ELIMU_DB", Database.IsPostgres ? "postgres" : "sqlite");
        builder.UseSetting(Database.IsPostgres ? "ConnectionStrings:Postgres" : "ConnectionStrings:Sqlite", Database.ConnectionString);
        builder.UseSetting("RateLimits:LoginPerMinute", "10000");
        builder.UseSetting("Mail:PickupDirectory", MailFolder);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureTestServices(services =>
        {
            if (Clock is { } clock) services.AddSingleton(clock);
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

    /// <summary>Waits until the read audits queued so far are in the database (they are written off the request path).</summary>
    public Task ReadAuditsWrittenAsync() => Services.GetRequiredService<IReadAuditQueue>().DrainAsync();

    /// <summary>
    /// Starts counting queries for <paramref name="client"/>'s next request alone: the read audits queued so far are
    /// written, and the client's session state is read now, so the count holds neither however long the test took to
    /// get here (the session check is answered from memory for a few seconds, <c>SessionCache:MaxStalenessSeconds</c>).
    /// </summary>
    public async Task CountQueriesOfNextRequestAsync(ApiClient client)
    {
        await ReadAuditsWrittenAsync();
        await client.GetAsync("/api/v1/auth/me");
        Queries.Reset();
    }

    /// <summary>Runs <paramref name="work"/> on a fresh context, once the read audits queued so far are written.</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await ReadAuditsWrittenAsync();
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task WithDbAsync(Func<AppDbContext, Task> work) => WithDbAsync(async db => { await work(db); return 0; });

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MailFolder)) Directory.Delete(MailFolder, recursive: true);
        if (_ownsDatabase) await Database.DisposeAsync();
    }
}

/// <summary>Another instance of the product on the first one's database (or the same one after a restart).</summary>
public sealed class SecondHostFactory(ElimuApiFactory first) : ElimuApiFactory(first)
{
    public override Task InitializeAsync() => Task.CompletedTask; // the first host migrated the database
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
