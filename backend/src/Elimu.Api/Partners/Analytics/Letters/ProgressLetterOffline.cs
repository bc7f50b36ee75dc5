using System.Globalization;
using Elimu.Api.Partners.ChildData;

namespace Elimu.Api.Partners.Analytics.Letters;

/// <summary>
/// The Offline provider's letter narrative, from the facts alone: how much the child learned, the area that moved most
/// (or the strongest), the goals, and one encouragement. The wording is picked by a stable hash of the facts, so a
/// child's letter reads the same when generated again and two children's letters rarely read alike.
/// </summary>
internal static class ProgressLetterOffline
{
    public static string Compose(ProgressLetterFacts f)
    {
        var variant = (int)(Fnv(f.Child + f.Term + f.Minutes + f.Sessions + string.Join(',', f.LearningAreas.Select(a => a.LearningArea + a.Level))) % 3);
        var c = f.Child;
        string opening;
        if (f.Sessions == 0)
            opening = $"{c} did not learn on the platform during {f.Term}, so there is little to report this time. A first session is all it takes to start again.";
        else
            opening = Pick(variant,
                $"This term {c} learned for {N(f.Minutes)} minutes over {N(f.ActiveDays)} {Days(f.ActiveDays)}, in {N(f.Sessions)} {Plural(f.Sessions, "session")}.",
                $"During {f.Term}, {c} spent {N(f.Minutes)} minutes learning, on {N(f.ActiveDays)} {Days(f.ActiveDays)} and in {N(f.Sessions)} {Plural(f.Sessions, "session")}.",
                $"{c} kept learning through {f.Term}: {N(f.Minutes)} minutes in {N(f.Sessions)} {Plural(f.Sessions, "session")} across {N(f.ActiveDays)} {Days(f.ActiveDays)}.")
                + (f.LongestStreak >= 3 ? $" The longest run of learning days was {N(f.LongestStreak)} in a row." : "")
                + (f.LessonsCompleted > 0 ? $" {N(f.LessonsCompleted)} {Plural(f.LessonsCompleted, "lesson")} completed." : "");

        var second = new List<string>();
        var rose = f.LearningAreas.Where(a => a.Movement == "up").OrderByDescending(a => a.AverageScore).FirstOrDefault();
        var best = f.LearningAreas.OrderByDescending(a => a.AverageScore).FirstOrDefault();
        if (rose is not null)
            second.Add($"In {rose.LearningArea}, {c} moved up to {rose.Level}, with an average of {N(rose.AverageScore)}% this term.");
        else if (best is not null)
            second.Add($"{c}'s strongest area this term was {best.LearningArea}: {best.Level}, with an average of {N(best.AverageScore)}%.");
        var support = f.LearningAreas.Where(a => a != best && a != rose).OrderBy(a => a.AverageScore).FirstOrDefault();
        if (support is not null && support.AverageScore < 60)
            second.Add($"{support.LearningArea} needs more support ({support.Level}).");
        if (f.Achievements > 0)
            second.Add($"{c} earned {N(f.Achievements)} {Plural(f.Achievements, "achievement")}" + (f.AchievementTitles.Count > 0 ? $", among them \"{f.AchievementTitles[0]}\"." : "."));
        var achieved = f.Goals.Count(g => g.Status == "achieved");
        if (f.Goals.Count > 0)
            second.Add(achieved == f.Goals.Count ? $"Every goal you set was reached." : $"{N(achieved)} of the {N(f.Goals.Count)} goals you set {(achieved == 1 ? "was" : "were")} reached.");
        second.Add(Pick(variant, "Thank you for standing with this learner.", "Your support keeps this learning going.", "Thank you for making this term possible."));

        var text = $"{opening}\n\n{string.Join(' ', second)}";
        return text.Length <= ProgressLetterTask.NarrativeMax ? text : text[..(ProgressLetterTask.NarrativeMax - 1)] + "…";
    }

    private static string Pick(int variant, params string[] options) => options[variant % options.Length];

    private static string Days(int n) => n == 1 ? "day" : "days";

    private static string Plural(int n, string word) => n == 1 ? word : word + "s";

    private static string N(int v) => v.ToString("#,0", CultureInfo.InvariantCulture);

    private static string N(decimal v) => v.ToString("#,0.#", CultureInfo.InvariantCulture);

    private static uint Fnv(string s)
    {
        var hash = 2166136261u;
        foreach (var ch in s) hash = (hash ^ ch) * 16777619u;
        return hash;
    }
}

/// <summary>How a letter and the student-insights dashboard put a goal and a movement in words (one wording for both).</summary>
public static class LetterWords
{
    public static string Goal(ChildTermGoal g) => g.Kind switch
    {
        "rubric_level" => $"Reach {Level(g.Target)} in {g.LearningAreaCode}",
        "weekly_minutes" => $"{g.Target} minutes of learning a week",
        "streak_days" => $"A {g.Target}-day learning streak",
        _ => $"{g.Target} lessons completed",
    } + (g.DueDate is { } due ? $" by {due.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}" : "");

    public static string Level(string code) => code switch
    {
        "EE" => "Exceeding Expectations",
        "ME" => "Meeting Expectations",
        "AE" => "Approaching Expectations",
        "BE" => "Below Expectations",
        _ => code,
    };

    public static string Status(string status) => status switch
    {
        "achieved" => "Achieved",
        "on_track" => "On track",
        "at_risk" => "At risk",
        _ => "Overdue",
    };

    public static string Movement(string? movement) => movement switch
    {
        "up" => "Up",
        "down" => "Down",
        "flat" => "Steady",
        _ => "New",
    };
}
