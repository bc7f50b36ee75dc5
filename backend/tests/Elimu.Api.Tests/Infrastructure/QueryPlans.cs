using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Elimu.Api.Tests.Infrastructure;

/// <summary>
/// Keeps the queries the API sends, so a test can ask the database how it would run them: whether a table is read
/// through an index (a lookup) or from end to end (a scan). A structural check, not a timing.
/// </summary>
public sealed partial class QueryPlans : DbCommandInterceptor
{
    private readonly ConcurrentQueue<(string Sql, DbParameter[] Parameters)> _commands = new();

    public void Clear() => _commands.Clear();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        _commands.Enqueue((command.CommandText, command.Parameters.Cast<DbParameter>().Select(Copy).ToArray()));
        return base.ReaderExecutingAsync(command, eventData, result, ct);
    }

    /// <summary>The queries sent since <see cref="Clear"/> that read <paramref name="table"/>.</summary>
    public IReadOnlyList<(string Sql, DbParameter[] Parameters)> Reading(string table) =>
        _commands.Where(c => Alias(table).IsMatch(c.Sql)).ToList();

    /// <summary>
    /// The ways the database would read <paramref name="table"/> in this query that are not index lookups: SQLite's
    /// "SCAN" steps, and PostgreSQL's scans without an index condition (planned with sequential scans discouraged, so
    /// that a tiny test table does not hide a missing index).
    /// </summary>
    public static async Task<List<string>> ScansAsync(TestDatabase database, string table, (string Sql, DbParameter[] Parameters) query)
    {
        var aliases = Alias(table).Matches(query.Sql).Select(m => m.Groups[1].Value).ToHashSet();
        if (!database.IsPostgres)
        {
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + query.Sql;
            explain.Parameters.AddRange(query.Parameters);
            var scans = new List<string>();
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var detail = reader.GetString(3);
                var step = Regex.Match(detail, @"^SCAN (\w+)");
                if (step.Success && aliases.Contains(step.Groups[1].Value)) scans.Add(detail);
            }
            return scans;
        }

        await using var pg = new NpgsqlConnection(database.ConnectionString);
        await pg.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", pg)) await off.ExecuteNonQueryAsync();
        await using var plan = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + query.Sql, pg);
        plan.Parameters.AddRange(query.Parameters);
        using var json = JsonDocument.Parse((string)(await plan.ExecuteScalarAsync())!);
        var found = new List<string>();
        Walk(json.RootElement[0].GetProperty("Plan"), table, found);
        return found;
    }

    /// <summary>
    /// How the database would read <paramref name="table"/> in this query, one line per read: SQLite's SCAN/SEARCH step
    /// (with the index's terms), PostgreSQL's node type with its index condition (planned as <see cref="ScansAsync"/> does).
    /// </summary>
    public static async Task<List<string>> ReadsAsync(TestDatabase database, string table, (string Sql, DbParameter[] Parameters) query)
    {
        var reads = new List<string>();
        if (!database.IsPostgres)
        {
            var aliases = Alias(table).Matches(query.Sql).Select(m => m.Groups[1].Value).ToHashSet();
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync();
            await using var explain = connection.CreateCommand();
            explain.CommandText = "EXPLAIN QUERY PLAN " + query.Sql;
            explain.Parameters.AddRange(query.Parameters.Select(Copy).ToArray());
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var detail = reader.GetString(3);
                var step = Regex.Match(detail, @"^(?:SCAN|SEARCH) (\w+)");
                if (step.Success && aliases.Contains(step.Groups[1].Value)) reads.Add(detail);
            }
            return reads;
        }

        await using var pg = new NpgsqlConnection(database.ConnectionString);
        await pg.OpenAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", pg)) await off.ExecuteNonQueryAsync();
        await using var plan = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + query.Sql, pg);
        plan.Parameters.AddRange(query.Parameters.Select(Copy).ToArray());
        using var json = JsonDocument.Parse((string)(await plan.ExecuteScalarAsync())!);
        Collect(json.RootElement[0].GetProperty("Plan"), table, reads);
        return reads;
    }

    /// <summary>
    /// Each read of <paramref name="table"/>. A read that is not repeated per row of an outer loop (not the inner side of a
    /// nested loop, not inside a subplan that refers to the outer row) runs once per query, and says so with
    /// <see cref="OncePerQuery"/>: a hash join's build side, a hashed subplan, a merge join's input.
    /// </summary>
    private static void Collect(JsonElement node, string table, List<string> reads, bool repeated = false)
    {
        if (node.TryGetProperty("Relation Name", out var relation) && relation.GetString() == table)
            reads.Add(node.GetProperty("Node Type").GetString() + " " + (node.TryGetProperty("Index Cond", out var c) ? c.GetString()
                : node.TryGetProperty("Recheck Cond", out var r) ? r.GetString() : "(no index condition)") + (repeated ? "" : OncePerQuery));
        if (!node.TryGetProperty("Plans", out var children)) return;
        var loop = node.GetProperty("Node Type").GetString() == "Nested Loop";
        foreach (var child in children.EnumerateArray())
        {
            var relationship = child.TryGetProperty("Parent Relationship", out var p) ? p.GetString() : null;
            Collect(child, table, reads, repeated || (loop && relationship == "Inner") || (relationship == "SubPlan" && Correlated(child)));
        }
    }

    /// <summary>
    /// A subplan that refers to a row outside it (a condition naming an alias its own nodes do not have) runs per outer
    /// row; one that does not is computed once (PostgreSQL hashes it or runs it as an init plan).
    /// </summary>
    private static bool Correlated(JsonElement subplan)
    {
        var aliases = new HashSet<string>();
        var conditions = new List<string>();
        void Gather(JsonElement n)
        {
            if (n.TryGetProperty("Alias", out var a)) aliases.Add(a.GetString()!);
            foreach (var key in new[] { "Filter", "Index Cond", "Recheck Cond", "Join Filter", "Hash Cond", "Merge Cond" })
                if (n.TryGetProperty(key, out var c)) conditions.Add(c.GetString()!);
            if (n.TryGetProperty("Plans", out var kids)) foreach (var k in kids.EnumerateArray()) Gather(k);
        }
        Gather(subplan);
        return conditions.Any(c => QualifiedName().Matches(c).Any(m => !aliases.Contains(m.Groups[1].Value)) || c.Contains('$'));
    }

    [GeneratedRegex(@"\b([a-z_][a-z0-9_]*)\.[a-z_]")]
    private static partial Regex QualifiedName();

    /// <summary>Ends a PostgreSQL read (<see cref="ReadsAsync"/>) that runs once per query, not repeated per outer row.</summary>
    public const string OncePerQuery = " [once per query]";

    private static void Walk(JsonElement node, string table, List<string> scans)
    {
        var type = node.GetProperty("Node Type").GetString()!;
        if (node.TryGetProperty("Relation Name", out var relation) && relation.GetString() == table)
        {
            var lookup = type switch
            {
                "Index Scan" or "Index Only Scan" => node.TryGetProperty("Index Cond", out _),
                "Bitmap Heap Scan" => node.TryGetProperty("Recheck Cond", out _),
                _ => false,
            };
            if (!lookup) scans.Add($"{type} on {table}" + (node.TryGetProperty("Filter", out var f) ? $" (filter {f.GetString()})" : ""));
        }
        if (node.TryGetProperty("Plans", out var children))
            foreach (var child in children.EnumerateArray()) Walk(child, table, scans);
    }

    // SQLite's SQL quotes every name ("students" AS "s"); PostgreSQL's only those that need it (students AS s).
    private static Regex Alias(string table) => new($"FROM \"?{Regex.Escape(table)}\"? AS \"?(\\w+)\"?");

    private static DbParameter Copy(DbParameter p) => p switch
    {
        NpgsqlParameter n => n.Clone(),
        SqliteParameter s => new SqliteParameter(s.ParameterName, s.Value) { SqliteType = s.SqliteType, Size = s.Size },
        _ => throw new NotSupportedException(p.GetType().Name),
    };
}
