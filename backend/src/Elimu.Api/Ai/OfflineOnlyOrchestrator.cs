namespace Elimu.Api.Ai;

/// <summary>
/// The orchestrator with only its last provider: every task answered by its offline composition. It keeps every AI
/// feature working until the routed orchestrator (providers, routing table, cache, <c>ai_calls</c>) replaces it.
/// </summary>
public sealed class OfflineOnlyOrchestrator(TimeProvider clock) : IAiOrchestrator
{
    public const string ProviderName = "offline";
    public const string ModelName = "elimu-offline-1";

    public Task<AiAnswer<TResult>> RunAsync<TResult>(AiTask<TResult> task, AiRequest request, CancellationToken ct) where TResult : class
    {
        var result = task.Parse(task.ComposeOffline())
            ?? throw new InvalidOperationException($"The offline answer of {task.Type} does not parse: the task's ComposeOffline and Parse disagree.");
        return Task.FromResult(new AiAnswer<TResult>(result, ProviderName, ModelName, clock.GetUtcNow(), FromCache: false));
    }
}
