using Npgsql;

namespace Elimu.Api.Tests.Infrastructure;

/// <summary>
/// Where a test host keeps its data. ELIMU_TEST_DB=postgres runs the suite on the PostgreSQL server named by
/// ELIMU_TEST_POSTGRES (./elimu test starts a throwaway one); otherwise each host gets its own SQLite file.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public bool IsPostgres { get; }
    public string ConnectionString { get; }
    private readonly string? _sqlitePath;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(bool postgres, string connectionString, string? sqlitePath, string? admin, string? name)
    {
        IsPostgres = postgres; ConnectionString = connectionString;
        _sqlitePath = sqlitePath; _postgresAdmin = admin; _postgresName = name;
    }

    public static bool PostgresSelected =>
        string.Equals(Environment.GetEnvironmentVariable("ELIMU_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase);

    public static TestDatabase Create()
    {
        if (!PostgresSelected)
        {
            // A folder of its own, as data/ is for the real file: the data-protection keys live beside the database.
            var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"elimu-test-{Guid.NewGuid():N}")).FullName;
            var path = Path.Combine(folder, "elimu.db");
            return new(false, $"Data Source={path};Pooling=false", path, null, null);
        }

        var admin = Environment.GetEnvironmentVariable("ELIMU_TEST_POSTGRES")
            ?? throw new InvalidOperationException("ELIMU_TEST_DB=postgres needs ELIMU_TEST_POSTGRES (a server connection string).");
        var name = $"elimu_test_{Guid.NewGuid():N}";
        using (var conn = new NpgsqlConnection(admin))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            cmd.ExecuteNonQuery();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new(true, cs, null, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlitePath is not null)
        {
            var folder = Path.GetDirectoryName(_sqlitePath)!;
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(_postgresAdmin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
