namespace Elimu.Api.Ai;

/// <summary>
/// Task type → ordered provider names, from <c>Ai:Routing:&lt;TaskType&gt;</c> (a list, or one comma-separated string
/// so an environment variable can set it), defaulting to the plan's Step 13 table. Every chain ends with Offline.
/// </summary>
public sealed class AiRouting
{
    public const string Anthropic = "Anthropic";
    public const string Gemini = "Gemini";
    public const string Offline = "Offline";

    private static readonly Dictionary<AiTaskType, string[]> Defaults = new()
    {
        [AiTaskType.ImpactReport] = [Anthropic],
        [AiTaskType.ChildInsights] = [Anthropic],
        [AiTaskType.ContentGeneration] = [Anthropic],
        [AiTaskType.RoiForecast] = [Gemini],
        [AiTaskType.TicketTriage] = [Gemini],
        [AiTaskType.CohortBenchmarking] = [Gemini],
        [AiTaskType.EnrollmentForecast] = [Gemini],
        // Short narrative over figures, once a day per partner: the cheaper, faster provider first.
        [AiTaskType.DashboardHighlights] = [Gemini, Anthropic],
        // A program's letters are thousands of calls in one job: Offline unless a partner's configuration asks for a model.
        [AiTaskType.ProgressLetter] = [],
    };

    private readonly Dictionary<AiTaskType, IReadOnlyList<string>> _chains = [];

    public AiRouting(IConfiguration configuration)
    {
        var section = configuration.GetSection($"{AiOptions.Section}:Routing");
        foreach (var type in Enum.GetValues<AiTaskType>())
        {
            var entry = section.GetSection(type.ToString());
            var configured = entry.Value is { } csv
                ? csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : entry.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0).ToArray();
            var chain = (configured.Length > 0 ? configured : Defaults[type])
                .Where(name => !name.Equals(Offline, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Append(Offline)
                .ToList();
            _chains[type] = chain;
        }
    }

    public IReadOnlyList<string> ChainFor(AiTaskType type) => _chains[type];
}
