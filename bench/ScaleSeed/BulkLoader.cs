using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Elimu.Bench.ScaleSeed;

/// <summary>Writes rows of one table by the provider's fastest bulk path; <see cref="Progress"/> counts them.</summary>
public abstract class TableLoader<T>(TableColumns table, Progress progress) : IAsyncDisposable where T : class
{
    protected TableColumns Table { get; } = table;

    public void Add(T row)
    {
        Write(row);
        progress.Count();
    }

    public void AddRange(IEnumerable<T> rows) { foreach (var row in rows) Add(row); }

    protected abstract void Write(T row);

    public abstract ValueTask DisposeAsync();
}

/// <summary>Where the scale data goes: the tables' model, and a loader per table for this provider.</summary>
public abstract class BulkTarget(DbContext model, Progress progress) : IAsyncDisposable
{
    public DbContext Model { get; } = model;
    public Progress Progress { get; } = progress;

    public abstract TableLoader<T> Open<T>() where T : class;

    /// <summary>Runs one SQL statement on the load connection (schema work, ANALYZE).</summary>
    public abstract Task ExecuteAsync(string sql);

    /// <summary>Makes the load durable and gives the planner fresh statistics.</summary>
    public abstract Task FinishAsync();

    public abstract ValueTask DisposeAsync();

    /// <summary>Loads every row of <paramref name="rows"/> into its table.</summary>
    public async Task LoadAsync<T>(IEnumerable<T> rows) where T : class
    {
        await using var loader = Open<T>();
        loader.AddRange(rows);
    }
}

/// <summary>
/// SQLite: one connection, one transaction for the whole load, one prepared INSERT per table reused for every row
/// (parameters set in place), and the bulk-load PRAGMAs (no journal, no fsync, a large page cache) until it commits.
/// Rows arrive in primary-key order, so the B-trees grow at their right edge.
/// </summary>
public sealed class SqliteTarget : BulkTarget
{
    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;

    private SqliteTarget(DbContext model, Progress progress, SqliteConnection connection) : base(model, progress)
    {
        _connection = connection;
        _transaction = connection.BeginTransaction();
    }

    public static async Task<SqliteTarget> OpenAsync(DbContext model, string connectionString, Progress progress)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        foreach (var pragma in new[] { "journal_mode=OFF", "synchronous=OFF", "cache_size=-262144", "temp_store=MEMORY", "locking_mode=EXCLUSIVE" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {pragma};";
            await command.ExecuteNonQueryAsync();
        }
        return new SqliteTarget(model, progress, connection);
    }

    public override TableLoader<T> Open<T>() => new Loader<T>(TableColumns.For<T>(Model), Progress, _connection, _transaction!);

    public override async Task ExecuteAsync(string sql)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public override async Task FinishAsync()
    {
        await _transaction!.CommitAsync();
        await _transaction.DisposeAsync();
        _transaction = null;
        // Back to the journal the API's database has: EF creates it in WAL mode, where readers never wait for the writer
        // (DELETE, SQLite's own default, would make every read of the benchmarks queue behind each write).
        foreach (var sql in new[] { "ANALYZE;", "PRAGMA locking_mode=NORMAL;", "PRAGMA synchronous=FULL;", "BEGIN; COMMIT;", "PRAGMA journal_mode=WAL;" })
            await ExecuteAsync(sql);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_transaction is not null) await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private sealed class Loader<T> : TableLoader<T> where T : class
    {
        private readonly SqliteCommand _insert;
        private readonly SqliteParameter[] _parameters;

        public Loader(TableColumns table, Progress progress, SqliteConnection connection, SqliteTransaction transaction) : base(table, progress)
        {
            _insert = connection.CreateCommand();
            _insert.Transaction = transaction;
            var names = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
            var values = string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"));
            _insert.CommandText = $"INSERT INTO \"{table.Table}\" ({names}) VALUES ({values});";
            // EF's type mapping configures each parameter as EF would (a Guid as upper-case TEXT, a decimal as TEXT, ...).
            _parameters = table.Columns.Select((c, i) => c.Mapping is { } mapping
                ? (SqliteParameter)mapping.CreateParameter(_insert, $"$p{i}", Sample(mapping.ClrType), nullable: true)
                : new SqliteParameter($"$p{i}", SqliteType.Text)).ToArray();
            _insert.Parameters.AddRange(_parameters);
            _insert.Prepare();
        }

        private static object? Sample(Type type)
        {
            var t = Nullable.GetUnderlyingType(type) ?? type;
            return t == typeof(string) ? "" : t.IsValueType ? Activator.CreateInstance(t) : null;
        }

        protected override void Write(T row)
        {
            var columns = Table.Columns;
            for (var i = 0; i < columns.Count; i++) _parameters[i].Value = columns[i].Value(row) ?? DBNull.Value;
            _insert.ExecuteNonQuery();
        }

        public override ValueTask DisposeAsync() => _insert.DisposeAsync();
    }
}

/// <summary>PostgreSQL: one binary COPY per table (Npgsql's fastest path), each value written with the column's store type.</summary>
public sealed partial class PostgresTarget : BulkTarget
{
    private readonly NpgsqlConnection _connection;

    private PostgresTarget(DbContext model, Progress progress, NpgsqlConnection connection) : base(model, progress) => _connection = connection;

    public static async Task<PostgresTarget> OpenAsync(DbContext model, string connectionString, Progress progress)
    {
        // No command timeout: completing the COPY of a million rows (index maintenance included) may take minutes.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync();
        return new PostgresTarget(model, progress, connection);
    }

    public override TableLoader<T> Open<T>() => new Loader<T>(TableColumns.For<T>(Model), Progress, _connection);

    public override async Task ExecuteAsync(string sql)
    {
        await using var command = new NpgsqlCommand(sql, _connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    public override Task FinishAsync() => ExecuteAsync("VACUUM ANALYZE;");

    public override ValueTask DisposeAsync() => _connection.DisposeAsync();

    [GeneratedRegex(@"\(\d+(,\s*\d+)?\)")]
    private static partial Regex Facets();

    private sealed class Loader<T> : TableLoader<T> where T : class
    {
        private readonly NpgsqlBinaryImporter _copy;
        private readonly string[] _types;

        public Loader(TableColumns table, Progress progress, NpgsqlConnection connection) : base(table, progress)
        {
            var names = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
            _copy = connection.BeginBinaryImport($"COPY \"{table.Table}\" ({names}) FROM STDIN (FORMAT BINARY)");
            // "character varying(40)" is written as "character varying": the length is the column's, not the value's.
            _types = table.Columns.Select(c => Facets().Replace(c.StoreType, "")).ToArray();
        }

        protected override void Write(T row)
        {
            var columns = Table.Columns;
            _copy.StartRow();
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Value(row) is { } value) _copy.Write(value, _types[i]);
                else _copy.WriteNull();
            }
        }

        public override async ValueTask DisposeAsync()
        {
            await _copy.CompleteAsync();
            await _copy.DisposeAsync();
        }
    }
}
