using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Elimu.Api.Data;

/// <summary>
/// Multi-row INSERTs of mapped entities in the context's current transaction, for the learning ingestion and the
/// rollup rebuild, where EF's change tracker would cost more than the database. Table, column names and parameter
/// conversions (GUIDs as text on SQLite, enums by name, UTC times) all come from the EF model, so the rows are
/// exactly what SaveChanges would have written. The optional conflict clause is the same SQL on SQLite and PostgreSQL.
/// </summary>
public sealed class BulkRows<T>(AppDbContext db) where T : class
{
    // Both databases allow far more parameters per statement (32,766 and 65,535), but Microsoft.Data.Sqlite looks each
    // name up in a list, so binding costs grow with the square of the count: a few thousand per statement is fastest.
    private const int MaxParameters = 2_000;

    private readonly IEntityType _entity = db.Model.FindEntityType(typeof(T))
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");

    private IReadOnlyList<IProperty> Columns => [.. _entity.GetProperties().Where(p => p.GetColumnName() is not null)];

    public string Table => _entity.GetTableName()!;

    public string Column(string property) => _entity.FindProperty(property)!.GetColumnName();

    /// <summary>Inserts <paramref name="rows"/>; <paramref name="conflict"/> is appended to each statement (e.g. an ON CONFLICT clause).</summary>
    public async Task<int> InsertAsync(IReadOnlyCollection<T> rows, string conflict, CancellationToken ct)
    {
        var written = 0;
        foreach (var chunk in rows.Chunk(Math.Max(1, MaxParameters / Columns.Count)))
        {
            await using var command = Command(chunk, conflict);
            written += await command.ExecuteNonQueryAsync(ct);
        }
        return written;
    }

    /// <summary>Inserts the rows and reads back one value per row the statement reports (its RETURNING clause).</summary>
    public async Task<List<TValue>> InsertReturningAsync<TValue>(IReadOnlyCollection<T> rows, string conflictAndReturning,
        Func<DbDataReader, TValue> read, CancellationToken ct)
    {
        var values = new List<TValue>(rows.Count);
        foreach (var chunk in rows.Chunk(Math.Max(1, MaxParameters / Columns.Count)))
        {
            await using var command = Command(chunk, conflictAndReturning);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) values.Add(read(reader));
        }
        return values;
    }

    private DbCommand Command(IReadOnlyList<T> rows, string tail)
    {
        var columns = Columns;
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var sql = new StringBuilder($"INSERT INTO {Table} ({string.Join(", ", columns.Select(c => c.GetColumnName()))}) VALUES ");
        for (var r = 0; r < rows.Count; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"@p{r}_{c}";
                sql.Append(c == 0 ? name : ", " + name);
                var property = columns[c];
                command.Parameters.Add(property.GetRelationalTypeMapping()
                    .CreateParameter(command, name, property.GetGetter().GetClrValue(rows[r]), property.IsNullable));
            }
            sql.Append(')');
        }
        command.CommandText = sql.Append(' ').Append(tail).ToString();
        return command;
    }
}
