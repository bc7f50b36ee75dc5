using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Elimu.Api.Common;

/// <summary>
/// A JSON contract modifier: after a request body is read, a list property holding a null item (<c>"goals": [null]</c>)
/// is a 400 naming the item ("goals[0]"), for every request type at once, so no handler trips over the null later.
/// </summary>
internal static class NoNullListItems
{
    public static void Modify(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        var lists = type.Properties.Where(p => IsListOfNullables(p.PropertyType) && p.Get is not null).ToList();
        if (lists.Count == 0) return;
        var previous = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            var v = new Validation();
            foreach (var list in lists)
                if (list.Get!(value) is IEnumerable items)
                {
                    var i = 0;
                    foreach (var item in items) v.Check(item is not null, $"{list.Name}[{i++}]", "This item is empty.");
                }
            v.ThrowIfInvalid();
            previous?.Invoke(value);
        };
    }

    private static bool IsListOfNullables(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) || typeof(IDictionary).IsAssignableFrom(type)) return false;
        var item = type.IsArray ? type.GetElementType()
            : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                ?.GetGenericArguments()[0];
        return item is not null && (!item.IsValueType || Nullable.GetUnderlyingType(item) is not null);
    }
}
