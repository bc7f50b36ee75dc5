using System.Text.Json;
using Elimu.Api.Ai;

namespace Elimu.Api.Tests.Ai;

public sealed record NarrativeResult(string Text);

/// <summary>A narrative task of any type: the answer is plain text of at most 2,000 characters.</summary>
public sealed class NarrativeTask(AiTaskType type, object facts) : AiTask<NarrativeResult>
{
    public const string TaskInstructions = "Write two sentences about the figures in the data block, for a partner's staff.";
    public const string OfflineText = "Offline narrative from the figures.";

    public override AiTaskType Type => type;
    public override string Instructions => TaskInstructions;
    public override string FactsJson { get; } = AiFacts.Json(facts);
    public override NarrativeResult? Parse(string answer) =>
        string.IsNullOrWhiteSpace(answer) || answer.Length > 2000 ? null : new NarrativeResult(answer.Trim());
    public override string ComposeOffline() => OfflineText;
    public override int MaxOutputTokens => 300;
}

public sealed record TriageResult(string Category, int Priority);

/// <summary>A triage task: JSON {"category","priority"}; the category from an allowed list, the priority 1 to 4.</summary>
public sealed class TriageTask(string ticketText) : AiTask<TriageResult>
{
    public static readonly string[] Categories = ["billing", "technical", "account", "content"];

    public override AiTaskType Type => AiTaskType.TicketTriage;
    public override string Instructions =>
        $"Classify the ticket in the data block. Answer only JSON {{\"category\": one of {string.Join(", ", Categories)}, \"priority\": 1 to 4}}.";
    public override string FactsJson { get; } = AiFacts.Json(new { ticket = ticketText });

    public override TriageResult? Parse(string answer)
    {
        try
        {
            var json = JsonDocument.Parse(answer).RootElement;
            var category = json.GetProperty("category").GetString();
            var priority = json.GetProperty("priority").GetInt32();
            return category is not null && Categories.Contains(category) && priority is >= 1 and <= 4 ? new TriageResult(category, priority) : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    public override string ComposeOffline() => """{"category":"account","priority":3}""";
}
