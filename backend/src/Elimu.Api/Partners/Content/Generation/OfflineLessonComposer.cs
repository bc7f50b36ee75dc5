using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Students;

namespace Elimu.Api.Partners.Content.Generation;

/// <summary>
/// The Offline provider's lesson: a complete CBC lesson plan built from the grade, the learning area and the partner's
/// topic. Each learning area has its own kind of activities, materials and inquiry question; one of three lesson shapes
/// is chosen by a stable hash of the request, so the same request always gives the same lesson and neighbouring requests
/// read differently.
/// </summary>
public static class OfflineLessonComposer
{
    private sealed record AreaStyle(string Explore, string Practise, string Apply, string Question, string[] Resources,
        CoreCompetency[] Competencies, string Verb);

    private static readonly Dictionary<string, AreaStyle> Styles = new()
    {
        ["MATH"] = new("work out examples of {0} with counters, bottle tops or number cards", "solve three practice problems on {0} in pairs and check each other's work",
            "solve a market problem: prices and change in shillings at a kiosk, using {0}", "How do we use {0} in our daily lives?",
            ["Counters or bottle tops", "Number cards", "Chart paper and markers", "Exercise books"],
            [CoreCompetency.critical_thinking_and_problem_solving, CoreCompetency.communication_and_collaboration], "use"),
        ["ENG"] = new("listen to a short story about {0} and answer oral questions", "read a passage on {0} aloud in groups and pick out new words",
            "write five sentences about {0} using the new words", "How can we share our ideas about {0} clearly?",
            ["Picture cards", "A class reader or short story", "Flash cards with new words", "Exercise books"],
            [CoreCompetency.communication_and_collaboration, CoreCompetency.imagination_and_creativity], "talk and write about"),
        ["KIS"] = new("sikiliza hadithi fupi kuhusu {0} na jibu maswali kwa mdomo", "soma kifungu kuhusu {0} kwa sauti katika vikundi",
            "andika sentensi tano kuhusu {0} ukitumia msamiati mpya", "Tunawezaje kueleza mawazo yetu kuhusu {0} kwa Kiswahili fasaha?",
            ["Kadi za picha", "Kitabu cha hadithi", "Kadi za msamiati", "Madaftari"],
            [CoreCompetency.communication_and_collaboration, CoreCompetency.citizenship], "eleza"),
        ["SCI"] = new("observe and handle local materials that show {0}, and record what they notice", "carry out a simple, safe experiment on {0} in groups and record results in a table",
            "explain how {0} is seen at home or in the community and suggest one safe practice", "What do we observe about {0}, and why does it happen?",
            ["Local materials (leaves, soil, water, containers)", "Hand lens if available", "Chart for recording results", "Exercise books"],
            [CoreCompetency.critical_thinking_and_problem_solving, CoreCompetency.learning_to_learn], "explain"),
        ["SST"] = new("study a map or pictures of Kenya that relate to {0} and discuss what they show", "discuss in groups how {0} affects people in our county",
            "prepare a short presentation on {0} for the class", "How does {0} shape the way we live together in Kenya?",
            ["Map of Kenya", "Pictures from newspapers", "Chart paper and markers"],
            [CoreCompetency.citizenship, CoreCompetency.communication_and_collaboration], "describe"),
        ["CRE"] = new("listen to a Bible story that teaches about {0}", "discuss in groups what the story teaches about {0} and how it applies to us",
            "role-play a situation at home or school that shows {0}", "What does {0} teach us about how to live with others?",
            ["Good News Bible", "Pictures of the story", "Simple costumes or props for role play"],
            [CoreCompetency.citizenship, CoreCompetency.self_efficacy], "explain and live out"),
        ["CA"] = new("look at examples of {0} and talk about colours, shapes, sounds or movements", "create their own piece on {0} with local materials",
            "display or perform their work on {0} and give kind feedback to a classmate", "How can we express {0} creatively?",
            ["Crayons, paints or charcoal", "Local materials (clay, sticks, bottle tops)", "Drum or shaker", "Open space"],
            [CoreCompetency.imagination_and_creativity, CoreCompetency.self_efficacy], "create and present"),
        ["AGR"] = new("walk around the school garden and observe things related to {0}", "practise {0} in small groups in the school garden or with samples",
            "plan how to apply {0} at home and share the plan with a parent", "How does {0} help us grow healthy food for our families?",
            ["School garden or seed box", "Seeds, seedlings or food samples", "Watering can", "Gloves"],
            [CoreCompetency.learning_to_learn, CoreCompetency.self_efficacy], "practise"),
    };

    public static GeneratedLesson Compose(string prompt, CbcGrade grade, CbcLearningArea area, string resourceType)
    {
        var topic = Topic(prompt);
        var style = Styles.GetValueOrDefault(area.Code) ?? Styles["SCI"];
        var gradeLabel = CbcLearningAreas.GradeLabel(grade);
        var shape = (int)(Fnv1a($"{prompt.Trim().ToLowerInvariant()}|{grade}|{area.Code}|{resourceType}") % 3);
        var (intro, main, close) = Minutes(grade);
        string F(string s) => string.Format(s, topic);

        var warmUp = shape switch
        {
            0 => new LessonActivity("Warm-up", intro, [$"Ask learners what they already know about {topic}.", "Write their ideas on the board.", $"Share the key inquiry question: {F(style.Question)}"]),
            1 => new LessonActivity("Story opener", intro, [$"Tell a short story from a Kenyan home or school that involves {topic}.", "Ask two learners to retell it in their own words.", $"Introduce the key inquiry question: {F(style.Question)}"]),
            _ => new LessonActivity("Picture talk", intro, [$"Show a picture or real object linked to {topic}.", "Let learners say what they see and what they wonder about.", $"Pose the key inquiry question: {F(style.Question)}"]),
        };
        var explore = new LessonActivity("Explore", main, [$"In groups of four, learners {F(style.Explore)}.", "Move around the groups, asking open questions and noting who needs support.", "Each group shares one finding with the class."]);
        var practise = new LessonActivity("Practise", main, [$"Learners {F(style.Practise)}.", "Pair a confident learner with one who needs support.", "Correct misconceptions together on the board."]);
        var apply = new LessonActivity("Apply and reflect", close, [$"Learners {F(style.Apply)}.", "Each learner says or writes one thing they learned and one question they still have.",
            "Give a short take-home task to do with a parent or guardian."]);
        var activities = shape == 2 ? new[] { warmUp, practise, explore, apply } : [warmUp, explore, practise, apply];

        var kind = resourceType == "material" ? "learning material" : "lesson";
        return new GeneratedLesson(
            Title: $"{Capitalise(topic)}: {gradeLabel} {area.Name}",
            Summary: $"A {gradeLabel} {area.Name} {kind} on {topic}, with learner-centred activities, local materials and a four-level CBC rubric.",
            KeyInquiryQuestion: F(style.Question),
            LearningOutcomes:
            [
                $"By the end of the {kind}, the learner should be able to {style.Verb} {topic} in their own words.",
                $"Apply {topic} to a situation at home, at school or in the community.",
                $"Work with others to explore {topic} and share findings with the class.",
                $"Appreciate the importance of {topic} in daily life.",
            ],
            Activities: activities,
            Rubric:
            [
                new RubricRow(RubricLevel.EE, $"Explains and applies {topic} correctly and independently, and extends it to new situations."),
                new RubricRow(RubricLevel.ME, $"Explains and applies {topic} correctly with little help."),
                new RubricRow(RubricLevel.AE, $"Explains parts of {topic} and applies it with some help."),
                new RubricRow(RubricLevel.BE, $"Needs a lot of help to explain or apply {topic}; give more practice with concrete examples."),
            ],
            ResourcesNeeded: style.Resources,
            CoreCompetencies: style.Competencies);
    }

    /// <summary>The partner's prompt as a lesson topic: one line, at most 80 characters, without a closing full stop.</summary>
    public static string Topic(string prompt)
    {
        var line = string.Join(' ', prompt.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', '!', '?', ' ');
        if (line.Length > 80) line = line[..80].TrimEnd() + "…";
        return line.Length == 0 ? "the topic" : char.ToLowerInvariant(line[0]) + line[1..];
    }

    /// <summary>Intro, main and closing minutes: shorter for pre-primary, longer in junior and senior school.</summary>
    private static (int Intro, int Main, int Close) Minutes(CbcGrade grade) => grade switch
    {
        <= CbcGrade.PP2 => (5, 8, 4),
        <= CbcGrade.Grade3 => (5, 10, 5),
        <= CbcGrade.Grade6 => (5, 12, 6),
        _ => (5, 14, 7),
    };

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>A hash that is the same in every process (string.GetHashCode is not).</summary>
    private static uint Fnv1a(string s)
    {
        var h = 2166136261u;
        foreach (var ch in s) { h ^= ch; h *= 16777619u; }
        return h;
    }
}
