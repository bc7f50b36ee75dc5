using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Elimu.Api.Data;

/// <summary>The database the host uses: ELIMU_DB picks the provider, ConnectionStrings:Sqlite or :Postgres the database.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; }
    public string ConnectionString { get; set; } = "";

    /// <summary>The folder that holds the SQLite file (null for an in-memory database).</summary>
    public static string? SqliteFolder(string connectionString)
    {
        var path = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(path) || path == ":memory:") return null;
        return Path.GetDirectoryName(Path.GetFullPath(path));
    }
}

/// <summary>Refuses to start with a connection string that is missing or cannot be read, and says which setting to fix.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions o)
    {
        if (o.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(o.ConnectionString))
                return ValidateOptionsResult.Fail("ELIMU_DB=postgres needs ConnectionStrings:Postgres (environment: ConnectionStrings__Postgres).");
            try
            {
                var cs = new NpgsqlConnectionStringBuilder(o.ConnectionString);
                if (string.IsNullOrWhiteSpace(cs.Host)) return ValidateOptionsResult.Fail("ConnectionStrings:Postgres has no Host.");
            }
            catch (ArgumentException e) { return ValidateOptionsResult.Fail($"ConnectionStrings:Postgres cannot be read: {e.Message}"); }
            return ValidateOptionsResult.Success;
        }

        try
        {
            if (string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(o.ConnectionString).DataSource))
                return ValidateOptionsResult.Fail("ConnectionStrings:Sqlite has no Data Source (for example \"Data Source=data/elimu.db\").");
        }
        catch (ArgumentException e) { return ValidateOptionsResult.Fail($"ConnectionStrings:Sqlite cannot be read: {e.Message}"); }
        return ValidateOptionsResult.Success;
    }
}
