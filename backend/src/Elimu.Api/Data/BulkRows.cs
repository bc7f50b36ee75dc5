using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Elimu.Api.Data;

/// <summary>
/// Set-based INSERTs of mapped entities in the context's current transaction, for the learning ingestion and the
/// rollups, where EF's change tracker would cost more than the database. Table, column names and value conversions
/// (GUIDs as text on SQLite, enums by name, UTC times) all come from the EF model, so the rows are exactly what
/// SaveChanges would have written. The optional tail (an ON CONFLICT clause, RETURNING) is the same SQL on both databases.
/// <para>
/// Each database gets its cheapest form of "many rows in one go". PostgreSQL: one statement per call whose rows are
/// <c>unnest</c> of one array parameter per column (a handful of parameters, one parse, one round trip). SQLite runs
/// in-process, so a round trip costs nothing, while a statement of thousands of parameters costs a long parse and, in
/// Microsoft.Data.Sqlite, a name lookup per parameter that grows with their count: there one prepared single-row
/// statement is stepped once per row, which is how SQLite itself is fastest at bulk inserts.
/// </para>
/// </summary>
public sealed class BulkRows<T>(AppDbContext db) where T : class
{
    private readonly IEntityType _entity = db.Model.FindEntityType(typeof(T))
        ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");

    private IReadOnlyList<IProperty> Columns => [.. _entity.GetProperties().Where(p => p.GetColumnName() is not null)];

    public string Table => _entity.GetTableName()!;

    public string Column(string property) => _entity.FindProperty(property)!.GetColumnName();

    /// <summary>Inserts <paramref name="rows"/>; <paramref name="tail"/> is appended to the statement (e.g. an ON CONFLICT clause).</summary>
    public async Task<int> InsertAsync(IReadOnlyCollection<T> rows, string tail, CancellationToken ct)
    {
        if (rows.Count == 0) return 0;
        if (db.Database.IsNpgsql())
        {
            await using var command = UnnestCommand(rows, tail);
            return await command.ExecuteNonQueryAsync(ct);
        }
        var written = 0;
        await using var single = new SingleRowCommand(this, tail);
        foreach (var row in rows) written += await single.Bind(row).ExecuteNonQueryAsync(ct);
        return written;
    }

    /// <summary>Inserts the rows and reads back one value per row the statement reports (its RETURNING clause).</summary>
    public async Task<List<TValue>> InsertReturningAsync<TValue>(IReadOnlyCollection<T> rows, string tailWithReturning,
        Func<DbDataReader, TValue> read, CancellationToken ct)
    {
        var values = new List<TValue>(rows.Count);
        if (rows.Count == 0) return values;
        if (db.Database.IsNpgsql())
        {
            await using var command = UnnestCommand(rows, tailWithReturning);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) values.Add(read(reader));
            return values;
        }
        await using var single = new SingleRowCommand(this, tailWithReturning);
        foreach (var row in rows)
        {
            await using var reader = await single.Bind(row).ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) values.Add(read(reader));
        }
        return values;
    }

    private DbCommand NewCommand()
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Database.GetCommandTimeout() is { } timeout) command.CommandTimeout = timeout;
        return command;
    }

    private string ColumnList => string.Join(", ", Columns.Select(c => c.GetColumnName()));

    /// <summary>PostgreSQL: <c>INSERT … SELECT * FROM unnest(@c0, @c1, …)</c>, each parameter a typed array of one column.</summary>
    private DbCommand UnnestCommand(IReadOnlyCollection<T> rows, string tail)
    {
        var columns = Columns;
        var command = NewCommand();
        for (var c = 0; c < columns.Count; c++)
        {
            var property = columns[c];
            var converter = property.GetTypeMapping().Converter;
            var element = converter?.ProviderClrType ?? property.ClrType;
            if (property.IsNullable && element.IsValueType && Nullable.GetUnderlyingType(element) is null) element = typeof(Nullable<>).MakeGenericType(element);
            var values = Array.CreateInstance(element, rows.Count);
            var getter = property.GetGetter();
            var i = 0;
            foreach (var row in rows)
            {
                var value = getter.GetClrValue(row);
                if (value is not null && converter is not null) value = converter.ConvertToProvider(value);
                // timestamptz takes UTC only; the learning rows carry UTC instants.
                if (value is DateTime { Kind: DateTimeKind.Unspecified } time) value = DateTime.SpecifyKind(time, DateTimeKind.Utc);
                values.SetValue(value, i++);
            }
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"c{c}";
            parameter.Value = values;
            command.Parameters.Add(parameter);
        }
        command.CommandText = $"INSERT INTO {Table} ({ColumnList}) SELECT * FROM unnest({string.Join(", ", columns.Select((_, c) => $"@c{c}"))}) {tail}";
        return command;
    }

    /// <summary>SQLite: one prepared <c>INSERT … VALUES (@c0, …)</c>, its parameters re-bound for each row.</summary>
    private sealed class SingleRowCommand : IAsyncDisposable
    {
        private readonly IReadOnlyList<IProperty> _columns;
        private readonly IClrPropertyGetter[] _getters;
        private readonly ValueConverter?[] _converters;
        private readonly bool[] _remade;
        private static readonly HashSet<Type> KeptAsIs =
            [typeof(Guid), typeof(string), typeof(int), typeof(long), typeof(short), typeof(bool), typeof(DateTime), typeof(DateOnly)];
        private readonly DbCommand _command;

        public SingleRowCommand(BulkRows<T> owner, string tail)
        {
            _columns = owner.Columns;
            _getters = [.. _columns.Select(c => c.GetGetter())];
            _converters = [.. _columns.Select(c => c.GetRelationalTypeMapping().Converter)];
            // A mapping may shape the parameter from its value (SQLite's decimal as text): those are made per row.
            _remade = [.. _columns.Select(c => !KeptAsIs.Contains(c.GetRelationalTypeMapping().Converter?.ProviderClrType
                ?? Nullable.GetUnderlyingType(c.ClrType) ?? c.ClrType))];
            _command = owner.NewCommand();
            _command.CommandText = $"INSERT INTO {owner.Table} ({owner.ColumnList}) VALUES ({string.Join(", ", _columns.Select((_, c) => $"@c{c}"))}) {tail}";
        }

        public DbCommand Bind(T row)
        {
            // The type mapping makes each parameter as SaveChanges would (converter, store type) for the first row; later
            // rows only set the values, converted the same way: the statement stays prepared and nothing is re-created.
            if (_command.Parameters.Count == 0)
            {
                for (var c = 0; c < _columns.Count; c++)
                {
                    var property = _columns[c];
                    _command.Parameters.Add(property.GetRelationalTypeMapping()
                        .CreateParameter(_command, $"@c{c}", _getters[c].GetClrValue(row), property.IsNullable));
                }
                return _command;
            }
            for (var c = 0; c < _columns.Count; c++)
            {
                var value = _getters[c].GetClrValue(row);
                if (_remade[c])
                {
                    _command.Parameters[c] = _columns[c].GetRelationalTypeMapping().CreateParameter(_command, $"@c{c}", value, _columns[c].IsNullable);
                    continue;
                }
                if (value is not null && _converters[c] is { } converter) value = converter.ConvertToProvider(value);
                _command.Parameters[c].Value = value ?? DBNull.Value;
            }
            return _command;
        }

        public ValueTask DisposeAsync() => _command.DisposeAsync();
    }
}
