using System.Collections.Concurrent;
using System.Diagnostics;
using Elimu.Api.Ai.Providers;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Elimu.Api.Ai;

/// <summary>
/// The orchestrator: a cached answer if one is fresh, else the task's routing chain in order (providers without a key
/// skipped, all but Offline when the partner's monthly budget is spent), each provider through its HTTP pipeline
/// (retries, Retry-After, breaker, the task's timeout); a failure or an answer the task's Parse refuses passes to the next
/// provider. Every attempt and every cache hit is an <c>ai_calls</c> row. Identical tasks for one partner that arrive
/// while the first is still being answered wait for its answer instead of asking the provider again (a double click, two
/// open tabs, a page and its refetch): they are logged as cache hits.
/// </summary>
public sealed class RoutedAiOrchestrator(
    AiRouting routing,
    IEnumerable<IAiProvider> providers,
    AiResponseCache cache,
    AiCallLog log,
    IOptions<AiOptions> options,
    TimeProvider clock,
    ILogger<RoutedAiOrchestrator> logger) : IAiOrchestrator
{
    private readonly Dictionary<string, IAiProvider> _providers = providers.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Task<object>> _inFlight = new();

    public async Task<AiAnswer<TResult>> RunAsync<TResult>(AiTask<TResult> task, AiRequest request, CancellationToken ct) where TResult : class
    {
        if (request.BypassCache) return await RunChainAsync(task, request, ct);

        var key = $"{task.Type}:{request.PartnerId}:{AiPrompt.Hash(task.Instructions, task.FactsJson)}";
        var mine = new TaskCompletionSource<object>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _inFlight.GetOrAdd(key, mine.Task);
        if (running != mine.Task)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                var shared = (AiAnswer<TResult>)await running.WaitAsync(ct);
                await log.WriteAsync(Hit(task.Type, request, shared.Provider, shared.Model, started), ct);
                return shared with { FromCache = true };
            }
            // The first caller gave up (its request was cancelled) or failed: this one asks for itself.
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
            return await RunChainAsync(task, request, ct);
        }

        try
        {
            var answer = await RunChainAsync(task, request, ct);
            mine.SetResult(answer);
            return answer;
        }
        catch
        {
            mine.TrySetCanceled();
            throw;
        }
        finally
        {
            _inFlight.TryRemove(KeyValuePair.Create(key, mine.Task));
        }
    }

    private async Task<AiAnswer<TResult>> RunChainAsync<TResult>(AiTask<TResult> task, AiRequest request, CancellationToken ct) where TResult : class
    {
        var settings = options.Value;
        var chain = routing.ChainFor(task.Type)
            .Select(name => _providers.GetValueOrDefault(name))
            .OfType<IAiProvider>()
            .Where(p => p.IsConfigured)
            .ToList();
        var promptHash = AiPrompt.Hash(task.Instructions, task.FactsJson);

        if (!request.BypassCache)
        {
            foreach (var provider in chain.Where(p => !p.IsOffline))
            {
                var started = Stopwatch.GetTimestamp();
                if (await cache.FindAsync(AiResponseCache.Key(task.Type, provider.Model, promptHash), ct) is not { } cached) continue;
                if (task.Parse(cached.Text) is not { } result) continue;
                await log.WriteAsync(Hit(task.Type, request, cached.Provider, cached.Model, started), ct);
                return new AiAnswer<TResult>(result, cached.Provider, cached.Model, cached.GeneratedAt, FromCache: true);
            }
        }

        string? budgetNote = null;
        if (request.PartnerId is { } partner && await log.BudgetExhaustedAsync(partner, ct))
        {
            chain = chain.Where(p => p.IsOffline).ToList();
            budgetNote = "The partner's monthly AI budget is spent: answered offline.";
        }

        var messages = AiPrompt.Messages(task.Instructions, task.FactsJson);
        foreach (var provider in chain)
        {
            var answer = await TryAsync(provider, task, request, messages, promptHash, budgetNote, settings, ct);
            if (answer is not null) return answer;
        }
        throw new InvalidOperationException($"The offline answer of {task.Type} does not parse: the task's ComposeOffline and Parse disagree.");
    }

    private async Task<AiAnswer<TResult>?> TryAsync<TResult>(IAiProvider provider, AiTask<TResult> task, AiRequest request,
        IReadOnlyList<ChatMessage> messages, string promptHash, string? note, AiOptions settings, CancellationToken ct) where TResult : class
    {
        var name = provider.Name.ToLowerInvariant();
        var chatOptions = new ChatOptions { ModelId = provider.Model, MaxOutputTokens = task.MaxOutputTokens, Temperature = 0.2f };
        if (provider.IsOffline) chatOptions.AdditionalProperties = new() { [OfflineChatClient.AnswerKey] = task.ComposeOffline() };

        var started = Stopwatch.GetTimestamp();
        using var _ = AiCallScope.Begin(provider.IsOffline ? TimeSpan.Zero : settings.TimeoutFor(task.Type), out var scope);
        ChatResponse response;
        try
        {
            using var client = provider.CreateClient(task.MaxOutputTokens);
            response = await client.GetResponseAsync(messages, chatOptions, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested || e is not OperationCanceledException)
        {
            var (outcome, error) = Classify(e, scope);
            logger.LogWarning("AI {TaskType} on {Provider}: {Outcome} ({Error}); trying the next provider.", task.Type, name, outcome, error);
            var failed = Row(task.Type, request, name, provider.Model, started, outcome);
            failed.HttpAttempts = scope.HttpAttempts;
            failed.Error = error;
            await log.WriteAsync(failed, ct);
            return null;
        }
        catch (OperationCanceledException)
        {
            var cancelled = Row(task.Type, request, name, provider.Model, started, AiCallOutcome.Cancelled);
            cancelled.HttpAttempts = scope.HttpAttempts;
            await log.WriteAsync(cancelled, CancellationToken.None);
            throw;
        }

        var model = provider.IsOffline ? provider.Model : response.ModelId ?? provider.Model;
        var input = response.Usage?.InputTokenCount;
        var output = response.Usage?.OutputTokenCount;
        var parsed = task.Parse(response.Text);
        var row = Row(task.Type, request, name, model, started, parsed is null ? AiCallOutcome.Rejected : AiCallOutcome.Success);
        row.InputTokens = input;
        row.OutputTokens = output;
        row.HttpAttempts = scope.HttpAttempts;
        // Priced by the model that answered (a dated version) when listed, else by the configured alias.
        row.EstimatedCostUsd = settings.CostUsd(settings.Prices.ContainsKey(model) ? model : provider.Model, input, output);
        row.Error = parsed is null ? "The answer does not fit the task's schema or allowed values." : note;
        await log.WriteAsync(row, ct);
        if (parsed is null) return null;

        var generatedAt = clock.GetUtcNow();
        if (!provider.IsOffline)
            await cache.StoreAsync(AiResponseCache.Key(task.Type, provider.Model, promptHash),
                new AiCachedAnswer(response.Text, name, model, generatedAt), settings.CacheTtlFor(task.Type), ct);
        return new AiAnswer<TResult>(parsed, name, model, generatedAt, FromCache: false);
    }

    private static (AiCallOutcome, string) Classify(Exception e, AiCallScope scope)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is BrokenCircuitException) return (AiCallOutcome.CircuitOpen, "The provider's circuit breaker is open (cooling down).");
            if (inner is TimeoutRejectedException or TimeoutException) return (AiCallOutcome.TimedOut, "No answer within the task's timeout.");
        }
        var status = scope.LastStatus is { } s ? $"HTTP {(int)s}: " : "";
        var message = status + e.Message;
        return (AiCallOutcome.Failed, message.Length <= 500 ? message : message[..500]);
    }

    private AiCall Hit(AiTaskType type, AiRequest request, string provider, string model, long started)
    {
        var hit = Row(type, request, provider, model, started, AiCallOutcome.CacheHit);
        hit.CacheHit = true;
        return hit;
    }

    private AiCall Row(AiTaskType type, AiRequest request, string provider, string model, long started, AiCallOutcome outcome) => new()
    {
        At = clock.GetUtcNow().UtcDateTime,
        TaskType = type,
        Provider = provider,
        Model = model,
        PartnerId = request.PartnerId,
        LatencyMs = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
        Outcome = outcome,
    };
}
