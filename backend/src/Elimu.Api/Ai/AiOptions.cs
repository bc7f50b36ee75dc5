namespace Elimu.Api.Ai;

/// <summary>The <c>Ai</c> section of configuration: providers, per-task limits, prices, resilience and budgets.</summary>
public sealed class AiOptions
{
    public const string Section = "Ai";

    /// <summary>By provider name (<c>Anthropic</c>, <c>Gemini</c>). A provider without an API key is skipped.</summary>
    public Dictionary<string, AiProviderOptions> Providers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>By task type (<see cref="AiTaskType"/> name), with <c>Default</c> for what a task leaves unset.</summary>
    public Dictionary<string, AiTaskOptions> Tasks { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>US dollars per million tokens, by model id; a model without a price costs 0 (and the log says so).</summary>
    public Dictionary<string, AiModelPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public AiResilienceOptions Resilience { get; set; } = new();

    /// <summary>Past this spend in a (Nairobi) calendar month, a partner's requests go straight to Offline. Null: no budget.</summary>
    public decimal? PartnerMonthlyBudgetUsd { get; set; }

    /// <summary>Per-partner budgets that override <see cref="PartnerMonthlyBudgetUsd"/>, keyed by partner id.</summary>
    public Dictionary<string, decimal> PartnerBudgetsUsd { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan TimeoutFor(AiTaskType type) =>
        TimeSpan.FromSeconds(TaskSetting(type, t => t.TimeoutSeconds) ?? 30);

    public TimeSpan CacheTtlFor(AiTaskType type) =>
        TimeSpan.FromMinutes(TaskSetting(type, t => t.CacheTtlMinutes) ?? 60);

    public decimal? BudgetFor(Guid partnerId) =>
        PartnerBudgetsUsd.TryGetValue(partnerId.ToString(), out var own) ? own : PartnerMonthlyBudgetUsd;

    public decimal CostUsd(string model, long? inputTokens, long? outputTokens) =>
        Prices.TryGetValue(model, out var price)
            ? ((inputTokens ?? 0) * price.InputPerMillionUsd + (outputTokens ?? 0) * price.OutputPerMillionUsd) / 1_000_000m
            : 0m;

    private double? TaskSetting(AiTaskType type, Func<AiTaskOptions, double?> read) =>
        (Tasks.TryGetValue(type.ToString(), out var own) ? read(own) : null)
        ?? (Tasks.TryGetValue("Default", out var fallback) ? read(fallback) : null);
}

public sealed class AiProviderOptions
{
    public string? ApiKey { get; set; }
    public string? BaseUrl { get; set; }
    public string? Model { get; set; }
}

public sealed class AiTaskOptions
{
    public double? TimeoutSeconds { get; set; }
    public double? CacheTtlMinutes { get; set; }
}

public sealed class AiModelPrice
{
    public decimal InputPerMillionUsd { get; set; }
    public decimal OutputPerMillionUsd { get; set; }
}

/// <summary>The retry and circuit-breaker settings of every provider's HTTP pipeline (each provider has its own breaker).</summary>
public sealed class AiResilienceOptions
{
    /// <summary>Retries of one provider call on 408, 429, 5xx (Anthropic's 529 included) and connection failures.</summary>
    public int MaxRetries { get; set; } = 2;
    public double BaseDelaySeconds { get; set; } = 1;
    /// <summary>A <c>Retry-After</c> longer than this is not waited for: the next provider answers instead.</summary>
    public double MaxRetryAfterSeconds { get; set; } = 20;
    /// <summary>One HTTP attempt's limit; the task's own timeout bounds the whole call with its retries.</summary>
    public double AttemptTimeoutSeconds { get; set; } = 60;
    public double BreakerFailureRatio { get; set; } = 0.5;
    public int BreakerMinimumThroughput { get; set; } = 4;
    public double BreakerSamplingSeconds { get; set; } = 60;
    /// <summary>The cooldown: how long an open breaker keeps the provider out of every chain.</summary>
    public double BreakerBreakSeconds { get; set; } = 30;
}
