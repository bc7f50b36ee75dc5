using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Elimu.Bench.ScaleSeed;

/// <summary>One column of a table as EF maps it: its name, how to read the stored value from an entity, and its type mapping.</summary>
public sealed record TableColumn(string Name, Func<object, object?> Value, RelationalTypeMapping? Mapping, string StoreType);

/// <summary>
/// A table's columns taken from the API's EF model, so the bulk loaders write exactly what EF would (snake_case names,
/// enums as names, UTC times, JSON columns) without a hand-kept copy of the schema.
/// </summary>
public sealed record TableColumns(string Table, IReadOnlyList<TableColumn> Columns)
{
    public static TableColumns For<T>(DbContext db) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var columns = new List<TableColumn>();
        foreach (var property in entity.GetProperties())
        {
            if (property.GetComputedColumnSql() is not null) continue; // the database computes it (students.admission_key)
            var mapping = property.GetRelationalTypeMapping();
            var getter = property.GetGetter();
            var converter = mapping.Converter;
            Func<object, object?> value = converter is null
                ? getter.GetClrValue
                : e => getter.GetClrValue(e) is { } v ? converter.ConvertToProvider(v) : null;
            columns.Add(new TableColumn(property.GetColumnName(store)!, value, mapping, mapping.StoreType));
        }
        // JSON columns (complex types stored with ToJson): the scale data leaves them empty, as a new row has them.
        foreach (var complex in entity.GetComplexProperties())
        {
            var name = complex.ComplexType.GetContainerColumnName() ?? throw new InvalidOperationException($"{complex.Name} is not a JSON column.");
            object? empty = complex.IsCollection ? "[]" : complex.IsNullable ? null : "{}";
            columns.Add(new TableColumn(name, _ => empty, null, complex.ComplexType.GetContainerColumnType() ?? "jsonb"));
        }
        return new TableColumns(table, columns);
    }
}
