using System.Text.Json;

namespace Elimu.Api.Ai;

/// <summary>
/// The task types of the routing table (plan, Step 13). Their names are the keys of <c>Ai:Routing</c> in configuration
/// and the <c>task_type</c> of an <c>ai_calls</c> row.
/// </summary>
public enum AiTaskType
{
    ImpactReport,
    ChildInsights,
    ContentGeneration,
    RoiForecast,
    TicketTriage,
    CohortBenchmarking,
    EnrollmentForecast,
    DashboardHighlights,
    /// <summary>A child's termly progress letter to its sponsor: Offline unless Ai:Routing:ProgressLetter names a provider (thousands at once).</summary>
    ProgressLetter,
}

/// <summary>
/// One piece of AI work: facts computed by code, fixed instructions, how to read an answer, and the offline answer.
/// "AI narrates, code computes" (DESIGN.md §3): every figure is in <see cref="FactsJson"/> before any provider is asked.
/// </summary>
/// <remarks>
/// Privacy is the task's first duty: the facts carry no names, dates of birth, schools or guardian data (children are
/// <see cref="AiPseudonyms"/>), and only children the consent gate lets the partner see. Text a partner or parent wrote
/// goes only into the facts, as data; <see cref="Instructions"/> are constant per task type.
/// </remarks>
public abstract class AiTask<TResult> where TResult : class
{
    public abstract AiTaskType Type { get; }

    /// <summary>The system prompt: what to produce from the facts, in which format. Constant per task type.</summary>
    public abstract string Instructions { get; }

    /// <summary>The task's input as JSON (see <see cref="AiFacts"/>). The cache key is built from it.</summary>
    public abstract string FactsJson { get; }

    /// <summary>
    /// Reads an answer (a provider's text, or <see cref="ComposeOffline"/>'s). Null when it does not fit the task's schema
    /// or allowed lists (an unknown category, a priority out of range, malformed JSON): the next provider answers then.
    /// </summary>
    public abstract TResult? Parse(string answer);

    /// <summary>
    /// The Offline provider's answer, built deterministically from the facts, in the same format a provider is asked for
    /// (so it passes through <see cref="Parse"/> like any other). Never null, and it must parse.
    /// </summary>
    public abstract string ComposeOffline();

    public virtual int MaxOutputTokens => 1024;
}

/// <summary>What a caller asks beyond the task: whose budget it spends, and whether a cached answer will do.</summary>
public sealed record AiRequest(Guid? PartnerId, bool BypassCache = false);

/// <summary>A task's result and where it came from; every AI result shown to a user names these.</summary>
public sealed record AiAnswer<TResult>(TResult Result, string Provider, string Model, DateTimeOffset GeneratedAt, bool FromCache);

/// <summary>
/// Runs AI tasks: the routing table picks the providers in order, the chain ends with Offline, so a task always gets an
/// answer. The orchestrator is the only place that retries, falls back, caches and writes <c>ai_calls</c>.
/// </summary>
public interface IAiOrchestrator
{
    Task<AiAnswer<TResult>> RunAsync<TResult>(AiTask<TResult> task, AiRequest request, CancellationToken ct) where TResult : class;
}

/// <summary>How children appear in AI inputs: "Child A", "Child B", … "Child Z", "Child AA", … by their position in the input.</summary>
public static class AiPseudonyms
{
    public static string Child(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return $"Child {letters}";
    }

    /// <summary>
    /// An answer's text for the partner who may see the children: each pseudonym replaced by its name (whole pseudonyms
    /// only, so "Child A" does not match inside "Child AB"). The provider never saw the names; the page does.
    /// </summary>
    public static string Reveal(string text, IReadOnlyList<string> names)
    {
        if (names.Count == 0) return text;
        return System.Text.RegularExpressions.Regex.Replace(text, @"\bChild ([A-Z]+)\b", m =>
        {
            var index = 0;
            foreach (var letter in m.Groups[1].Value) index = index * 26 + (letter - 'A' + 1);
            return index - 1 < names.Count ? names[index - 1] : m.Value;
        });
    }
}

/// <summary>The one JSON form of task facts (camelCase, no indentation), so equal facts give equal cache keys.</summary>
public static class AiFacts
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Json<T>(T facts) => JsonSerializer.Serialize(facts, Options);
}
