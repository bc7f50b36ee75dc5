using System.Text.Json;
using Elimu.Api.Common;
using Elimu.Api.Platform.Learning;

namespace Elimu.Api.Partners.Content.Generation;

/// <summary>
/// The schema of a <see cref="GeneratedLesson"/>: the same rules judge a provider's answer (any miss and the answer is
/// discarded) and a partner's edit (each miss is a 400 on its field, as <c>lesson.activities[1].steps</c>).
/// </summary>
public static class LessonRules
{
    public const int TitleLength = 200;
    public const int TextLength = 600;
    public const int MaxOutcomes = 8;
    public const int MaxActivities = 8;
    public const int MaxSteps = 10;
    public const int MaxResources = 15;
    public const int MaxActivityMinutes = 180;

    /// <summary>Web JSON (camelCase) with enums by name: how lessons are stored and how providers are asked to write them.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false) },
    };

    public static Validation Check(Validation v, GeneratedLesson? lesson, string at = "lesson")
    {
        if (lesson is null) return v.Check(false, at, "The lesson is required.");
        Required(v, $"{at}.title", lesson.Title, TitleLength);
        Required(v, $"{at}.summary", lesson.Summary, TextLength);
        Required(v, $"{at}.keyInquiryQuestion", lesson.KeyInquiryQuestion, TextLength);
        List(v, $"{at}.learningOutcomes", lesson.LearningOutcomes, 1, MaxOutcomes);
        List(v, $"{at}.resourcesNeeded", lesson.ResourcesNeeded, 0, MaxResources);

        if (lesson.Activities is not { Count: > 0 and <= MaxActivities })
            v.Add($"{at}.activities", $"Give from 1 to {MaxActivities} activities.");
        else
            for (var i = 0; i < lesson.Activities.Count; i++)
            {
                var a = lesson.Activities[i];
                var field = $"{at}.activities[{i}]";
                if (a is null) { v.Add(field, "This activity is empty."); continue; }
                Required(v, $"{field}.title", a.Title, TitleLength);
                v.Check(a.DurationMinutes is >= 1 and <= MaxActivityMinutes, $"{field}.durationMinutes", $"Choose from 1 to {MaxActivityMinutes} minutes.");
                List(v, $"{field}.steps", a.Steps, 1, MaxSteps);
            }

        // The four CBC levels, each once, from Exceeding down to Below Expectations.
        var levels = Enum.GetValues<RubricLevel>();
        if (lesson.Rubric is not { } rubric || rubric.Count != levels.Length || rubric.Any(r => r is null)
            || !rubric.Select(r => r.Level).SequenceEqual(levels))
            v.Add($"{at}.rubric", "Describe each of the four rubric levels once: EE, ME, AE, BE.");
        else
            for (var i = 0; i < rubric.Count; i++) Required(v, $"{at}.rubric[{i}].descriptor", rubric[i].Descriptor, TextLength);

        if (lesson.CoreCompetencies is null || lesson.CoreCompetencies.Count > levels.Length + 3
            || lesson.CoreCompetencies.Any(c => !Enum.IsDefined(c)) || lesson.CoreCompetencies.Distinct().Count() != lesson.CoreCompetencies.Count)
            v.Add($"{at}.coreCompetencies", "Choose core competencies from the CBC's seven, each once.");
        return v;
    }

    public static bool IsValid(GeneratedLesson? lesson) => Check(new Validation(), lesson).IsValid;

    /// <summary>The lesson with its texts trimmed, as it is stored.</summary>
    public static GeneratedLesson Tidy(GeneratedLesson l) => l with
    {
        Title = l.Title.Trim(), Summary = l.Summary.Trim(), KeyInquiryQuestion = l.KeyInquiryQuestion.Trim(),
        LearningOutcomes = l.LearningOutcomes.Select(o => o.Trim()).ToList(),
        Activities = l.Activities.Select(a => a with { Title = a.Title.Trim(), Steps = a.Steps.Select(s => s.Trim()).ToList() }).ToList(),
        Rubric = l.Rubric.Select(r => r with { Descriptor = r.Descriptor.Trim() }).ToList(),
        ResourcesNeeded = l.ResourcesNeeded.Select(r => r.Trim()).ToList(),
    };

    public static int TotalMinutes(GeneratedLesson l) => l.Activities.Sum(a => a.DurationMinutes);

    private static void Required(Validation v, string field, string? text, int max)
    {
        v.Check(!string.IsNullOrWhiteSpace(text), field, "This field is required.");
        v.Text(field, text, max);
    }

    private static void List(Validation v, string field, IReadOnlyList<string?>? items, int min, int max)
    {
        if (items is null || items.Count < min || items.Count > max)
        {
            v.Add(field, $"Give from {min} to {max} items.");
            return;
        }
        for (var i = 0; i < items.Count; i++)
            Required(v, $"{field}[{i}]", items[i], TextLength);
    }
}
