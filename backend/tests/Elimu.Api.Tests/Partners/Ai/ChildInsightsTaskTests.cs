using Elimu.Api.Partners.ChildData;

namespace Elimu.Api.Tests.Partners.Ai;

/// <summary>The task's schema: what a provider's answer must be to be shown, and the offline answers it is checked against.</summary>
public sealed class ChildInsightsTaskTests
{
    private static ChildInsightFacts Facts(int sessions = 10, decimal avgMinutes = 22, string? time = "evening", ChildInsightArea? best = null,
        ChildInsightArea? weak = null, IReadOnlyList<ChildInsightWarning>? warnings = null, IReadOnlyList<string>? tips = null) =>
        new("Child A", 30, sessions, sessions == 0 ? null : time, 80, 20, sessions == 0 ? 0 : avgMinutes, best, weak, warnings ?? [], tips ?? []);

    private static readonly ChildInsightsTask Task = new(Facts());

    private const string Valid = """{"narrative":"Child A learns.","learningStyle":"An evening learner.","strengths":["Steady"],"risks":[],"tips":["One","Two","Three"]}""";

    [Fact]
    public void A_complete_answer_parses_and_a_json_fence_is_tolerated()
    {
        Assert.NotNull(Task.Parse(Valid));
        Assert.Equal(3, Task.Parse($"```json\n{Valid}\n```")!.Tips.Count);
    }

    [Theory]
    [InlineData("""{"narrative":"x","learningStyle":"y","strengths":["a"],"risks":[],"tips":["One","Two"]}""")]
    [InlineData("""{"narrative":"x","learningStyle":"y","strengths":["a"],"risks":[],"tips":["One","Two","Three","Four"]}""")]
    [InlineData("""{"narrative":"x","learningStyle":"y","strengths":["a"],"risks":[],"tips":["One","Two",3]}""")]
    [InlineData("""{"narrative":"","learningStyle":"y","strengths":["a"],"risks":[],"tips":["One","Two","Three"]}""")]
    [InlineData("""{"learningStyle":"y","strengths":["a"],"risks":[],"tips":["One","Two","Three"]}""")]
    [InlineData("""{"narrative":"x","learningStyle":"y","strengths":[],"risks":[],"tips":["One","Two","Three"]}""")]
    [InlineData("""Sure! Here are the insights: {"narrative":"x"}""")]
    [InlineData("""{"narrative": "x", """)]
    [InlineData("""["narrative"]""")]
    public void Anything_off_the_schema_is_refused(string answer) => Assert.Null(Task.Parse(answer));

    [Fact]
    public void Strings_past_their_bounds_are_refused()
    {
        var longTip = new string('a', ChildInsightsTask.ItemMax + 1);
        Assert.Null(Task.Parse(Valid.Replace("\"Three\"", $"\"{longTip}\"")));
        Assert.Null(Task.Parse(Valid.Replace("Child A learns.", new string('b', ChildInsightsTask.NarrativeMax + 1))));
    }

    [Fact]
    public void Offline_answers_parse_with_three_tips_and_read_differently_for_different_situations()
    {
        var best = new ChildInsightArea("Mathematics", 84, "EE", "Exceeding Expectations");
        var weak = new ChildInsightArea("Kiswahili", 41, "BE", "Below Expectations");
        var situations = new[]
        {
            Facts(sessions: 0, warnings: [new("inactive_7_days", "high", "No learning session has been recorded yet.")]),
            Facts(best: best, weak: weak, warnings: [new("inactive_7_days", "medium", "No learning session for 9 days (last active 2026-03-02, Nairobi time).")]),
            Facts(best: best, weak: weak, warnings: [new("score_falling", "high", "Average assessment score fell 2 assessed weeks in a row: 80% → 70% → 60%.")]),
            Facts(sessions: 18, best: best, weak: weak, tips: ["Plan short extra practice in Kiswahili."]),
            Facts(sessions: 4, avgMinutes: 9, time: "night"),
        };
        var answers = situations.Select(f => new ChildInsightsTask(f)).Select(t => t.Parse(t.ComposeOffline())).ToList();

        Assert.All(answers, a => Assert.Equal(3, a!.Tips.Count));
        Assert.Equal(answers.Count, answers.Select(a => a!.Narrative.Split('\n')[0]).Distinct().Count());
        Assert.Equal(3, new[] { answers[0], answers[3], answers[4] }.Select(a => a!.LearningStyle).Distinct().Count());
        Assert.Contains("Plan short extra practice in Kiswahili.", answers[3]!.Tips);
        Assert.Contains(answers[2]!.Risks, r => r.Contains("fell 2 assessed weeks"));
        Assert.Contains("night", answers[4]!.LearningStyle);
        Assert.StartsWith("An evening learner", answers[3]!.LearningStyle);
        Assert.All(answers, a => Assert.All(a!.Strengths.Concat(a.Risks).Concat(a.Tips), item => Assert.DoesNotContain("**", item)));
        // Deterministic: the same facts always read the same.
        Assert.Equal(new ChildInsightsTask(situations[1]).ComposeOffline(), new ChildInsightsTask(situations[1]).ComposeOffline());
    }
}
