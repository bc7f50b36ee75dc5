namespace Elimu.Api.Partners.Support.Triage;

/// <summary>What the offline classifier says of a ticket, and the words that made it say so.</summary>
public sealed record TicketClassification(TicketCategory Category, TicketPriority Priority, IReadOnlyList<string> Reasons);

/// <summary>
/// The Offline provider's triage: two naive Bayes models (category, priority) trained on the labelled tickets that ship
/// in the repo (<see cref="TriageExamples"/>). It reads a ticket's words as evidence and nothing else, so text in a ticket
/// can move it only as words, never as instructions.
/// </summary>
public sealed class TicketClassifier
{
    private readonly NaiveBayes<TicketCategory> _category;
    private readonly NaiveBayes<TicketPriority> _priority;

    public TicketClassifier(IEnumerable<TriageExample> examples)
    {
        var list = examples.ToList();
        _category = new NaiveBayes<TicketCategory>(list.Select(e => (TicketTokens.Of(e.Subject, e.Description), e.Category)));
        _priority = new NaiveBayes<TicketPriority>(list.Select(e => (TicketTokens.ForPriority(e.Subject, e.Description), e.Priority)));
    }

    /// <summary>Trained once on the whole shipped set, on first use.</summary>
    public static TicketClassifier Shipped => LazyShipped.Value;

    private static readonly Lazy<TicketClassifier> LazyShipped = new(() => new TicketClassifier(TriageExamples.Load()));

    public TicketClassification Classify(string? subject, string? description)
    {
        var words = TicketTokens.Of(subject, description);
        var priorityText = TicketTokens.ForPriority(subject, description);
        var category = _category.Predict(words);
        var priority = _priority.Predict(priorityText);
        var reasons = new List<string>();
        var categoryWords = _category.Evidence(category, words, 3);
        reasons.Add(categoryWords.Count > 0
            ? $"category {category}: the words {string.Join(", ", categoryWords.Select(w => $"\"{w}\""))} are typical of {category} tickets"
            : $"category {category}: no word points elsewhere");
        var priorityWords = _priority.Evidence(priority, priorityText.Where(w => w.Length > 1 && !w.Contains('_')).ToList(), 3);
        reasons.Add(priorityWords.Count > 0
            ? $"priority {priority}: the words {string.Join(", ", priorityWords.Select(w => $"\"{w}\""))} are typical of {priority} tickets"
            : $"priority {priority}: the most common priority for tickets like this");
        return new TicketClassification(category, priority, reasons);
    }
}
