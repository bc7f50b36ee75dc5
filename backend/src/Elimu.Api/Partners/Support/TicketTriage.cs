using Elimu.Api.Ai;
using Elimu.Api.Partners.Support.Triage;

namespace Elimu.Api.Partners.Support;

/// <summary>
/// What triage suggests for a new ticket, always from the lists, and why; <see cref="Source"/> is the provider
/// that answered and <see cref="Model"/> its model, as every AI result shown names them.
/// </summary>
public sealed record TriageSuggestion(TicketCategory Category, TicketPriority Priority, string Source, string Model, DateTimeOffset GeneratedAt,
    IReadOnlyList<string> Reasons);

/// <summary>Suggests a category and a priority for a ticket. The types say it answers only from the lists.</summary>
public interface ITicketTriage
{
    Task<TriageSuggestion> SuggestAsync(string subject, string description, Guid? partnerId, CancellationToken ct);
}

/// <summary>Triage by the AI orchestrator (<see cref="TicketTriageTask"/>): the routed providers, then the offline classifier.</summary>
public sealed class AiTicketTriage(IAiOrchestrator ai) : ITicketTriage
{
    public async Task<TriageSuggestion> SuggestAsync(string subject, string description, Guid? partnerId, CancellationToken ct)
    {
        var answer = await ai.RunAsync(new TicketTriageTask(subject, description, TicketClassifier.Shipped), new AiRequest(partnerId), ct);
        return new TriageSuggestion(answer.Result.Category, answer.Result.Priority, answer.Provider, answer.Model, answer.GeneratedAt,
            answer.Result.Reasons);
    }
}
