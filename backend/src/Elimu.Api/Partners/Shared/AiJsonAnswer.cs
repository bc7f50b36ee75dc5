using System.Text.Json;

namespace Elimu.Api.Partners.Shared;

/// <summary>
/// Reads a model's JSON answer strictly: one object, string fields of bounded length, lists of a bounded count. Any
/// deviation gives null, so the orchestrator asks the next provider (and in the end Offline) instead of showing it.
/// </summary>
public static class AiJsonAnswer
{
    /// <summary>The answer's JSON object; a ```json fence around it (models add one) is tolerated, nothing else.</summary>
    public static JsonElement? Object(string answer)
    {
        var text = answer.Trim();
        if (text.StartsWith("```", StringComparison.Ordinal))
        {
            var firstLine = text.IndexOf('\n');
            if (firstLine < 0 || !text.EndsWith("```", StringComparison.Ordinal)) return null;
            text = text[(firstLine + 1)..^3].Trim();
        }
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? doc.RootElement.Clone() : null;
        }
        catch (JsonException) { return null; }
    }

    /// <summary>A non-blank string of at most <paramref name="maxLength"/> characters, trimmed; null otherwise.</summary>
    public static string? Text(JsonElement obj, string name, int maxLength) =>
        obj.TryGetProperty(name, out var value) ? Text(value, maxLength) : null;

    public static string? Text(JsonElement value, int maxLength)
    {
        if (value.ValueKind != JsonValueKind.String) return null;
        var text = value.GetString()!.Trim();
        return text.Length == 0 || text.Length > maxLength ? null : text;
    }

    /// <summary>A list of <paramref name="min"/> to <paramref name="max"/> such strings; null if the count or any item is off.</summary>
    public static List<string>? Texts(JsonElement obj, string name, int min, int max, int maxLength)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array) return null;
        var count = value.GetArrayLength();
        if (count < min || count > max) return null;
        var items = new List<string>(count);
        foreach (var item in value.EnumerateArray())
        {
            if (Text(item, maxLength) is not { } text) return null;
            items.Add(text);
        }
        return items;
    }
}
