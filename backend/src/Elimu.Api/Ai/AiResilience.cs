using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Elimu.Api.Ai;

/// <summary>
/// What one provider call learns on its way through the HTTP pipeline, and the task timeout it runs under. It flows
/// with the call (an async local), so the pipeline, shared by every task, can apply this task's timeout.
/// </summary>
public sealed class AiCallScope
{
    private static readonly AsyncLocal<AiCallScope?> CurrentScope = new();

    public static AiCallScope? Current => CurrentScope.Value;

    public TimeSpan TaskTimeout { get; private init; }
    /// <summary>HTTP requests sent (1 plus retries).</summary>
    public int HttpAttempts;
    public HttpStatusCode? LastStatus { get; set; }

    public static IDisposable Begin(TimeSpan taskTimeout, out AiCallScope scope)
    {
        var previous = CurrentScope.Value;
        scope = new AiCallScope { TaskTimeout = taskTimeout };
        CurrentScope.Value = scope;
        return new Restore(previous);
    }

    private sealed class Restore(AiCallScope? previous) : IDisposable
    {
        public void Dispose() => CurrentScope.Value = previous;
    }
}

/// <summary>Innermost handler: counts the HTTP attempts of a call and keeps the last status for its <c>ai_calls</c> row.</summary>
public sealed class AiAttemptCounter : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var scope = AiCallScope.Current;
        if (scope is not null) Interlocked.Increment(ref scope.HttpAttempts);
        var response = await base.SendAsync(request, cancellationToken);
        if (scope is not null) scope.LastStatus = response.StatusCode;
        return response;
    }
}

/// <summary>
/// Each provider's HTTP pipeline (Microsoft.Extensions.Http.Resilience), outermost first: the task's timeout over the
/// whole call, retries with exponential backoff and jitter on 408, 429, 5xx (Anthropic's 529) and connection failures
/// honouring <c>Retry-After</c>, a circuit breaker of its own (the cooldown), and a per-attempt timeout.
/// </summary>
public static class AiResilience
{
    public static void AddAiProviderClient(this IServiceCollection services, string name)
    {
        services.AddHttpClient(name, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(name, (pipeline, context) =>
            {
                var r = context.ServiceProvider.GetRequiredService<IOptions<AiOptions>>().Value.Resilience;
                pipeline.AddTimeout(new HttpTimeoutStrategyOptions
                {
                    Name = "task-timeout",
                    TimeoutGenerator = _ => ValueTask.FromResult(AiCallScope.Current?.TaskTimeout is { } t && t > TimeSpan.Zero ? t : Timeout.InfiniteTimeSpan),
                });
                if (r.MaxRetries > 0)
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = r.MaxRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromSeconds(r.BaseDelaySeconds),
                        ShouldRetryAfterHeader = true,
                        ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome) && !WaitsTooLong(args.Outcome, r)),
                    });
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = r.BreakerFailureRatio,
                    MinimumThroughput = r.BreakerMinimumThroughput,
                    SamplingDuration = TimeSpan.FromSeconds(r.BreakerSamplingSeconds),
                    BreakDuration = TimeSpan.FromSeconds(r.BreakerBreakSeconds),
                    ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(r.AttemptTimeoutSeconds));
            });
        services.AddHttpClient(name).AddHttpMessageHandler<AiAttemptCounter>();
    }

    /// <summary>Worth another try: a rate limit, an overload, a server error, a lost connection, an attempt timed out.</summary>
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Exception: BrokenCircuitException } => false,
        { Result: { } response } => response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            || (int)response.StatusCode >= 500,
        _ => false,
    };

    private static bool WaitsTooLong(Outcome<HttpResponseMessage> outcome, AiResilienceOptions r)
    {
        var retryAfter = outcome.Result?.Headers.RetryAfter;
        if (retryAfter is null) return false;
        var wait = retryAfter.Delta ?? (retryAfter.Date is { } at ? at - DateTimeOffset.UtcNow : TimeSpan.Zero);
        return wait > TimeSpan.FromSeconds(r.MaxRetryAfterSeconds);
    }
}
