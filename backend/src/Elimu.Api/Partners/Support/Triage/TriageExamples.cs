namespace Elimu.Api.Partners.Support.Triage;

/// <summary>One labelled ticket of the training set.</summary>
public sealed record TriageExample(string Subject, string Description, TicketCategory Category, TicketPriority Priority);

/// <summary>
/// The labelled tickets the offline classifier learns from: <c>triage-examples.tsv</c>, shipped in the assembly
/// (subject, description, category, priority; tab-separated, one ticket a line, a header first).
/// </summary>
public static class TriageExamples
{
    private const string ResourceName = "triage/triage-examples.tsv";

    public static IReadOnlyList<TriageExample> Load()
    {
        using var stream = typeof(TriageExamples).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var examples = new List<TriageExample>();
        reader.ReadLine(); // header
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0) continue;
            var f = text.Split('\t');
            if (f.Length != 4 || !Enum.TryParse<TicketCategory>(f[2], out var category) || !Enum.TryParse<TicketPriority>(f[3], out var priority))
                throw new InvalidOperationException($"{ResourceName} line {line} is not subject, description, category, priority.");
            examples.Add(new TriageExample(f[0], f[1], category, priority));
        }
        return examples;
    }
}
