namespace Elimu.Api.Partners.Support.Help;

/// <summary>
/// A markdown file with a front-matter block of <c>key: value</c> lines between two <c>---</c> lines, as the help
/// articles and training courses are written. Only flat keys: anything richer belongs in the body.
/// </summary>
internal sealed record MarkdownDocument(IReadOnlyDictionary<string, string> Front, string Body)
{
    public static MarkdownDocument Parse(string name, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length < 2 || lines[0].Trim() != "---")
            throw new InvalidDataException($"{name}: starts without a front-matter block.");
        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0) throw new InvalidDataException($"{name}: the front-matter block is not closed.");

        var front = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines[1..end].Where(l => l.Trim().Length > 0))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) throw new InvalidDataException($"{name}: front-matter line without a key: \"{line}\".");
            front[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        return new MarkdownDocument(front, string.Join('\n', lines[(end + 1)..]).Trim());
    }

    public string Required(string name, string key) =>
        Front.TryGetValue(key, out var v) && v.Length > 0 ? v : throw new InvalidDataException($"{name}: front matter lacks \"{key}\".");

    public string Optional(string key, string fallback = "") => Front.TryGetValue(key, out var v) ? v : fallback;

    /// <summary>The embedded resources under a logical folder (see the csproj), with their file names.</summary>
    public static IEnumerable<(string Name, string Text)> Embedded(string folder)
    {
        var assembly = typeof(MarkdownDocument).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(folder, StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            yield return (resource[folder.Length..], reader.ReadToEnd());
        }
    }
}
