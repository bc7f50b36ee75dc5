using Elimu.Api.Platform.Learning;

namespace Elimu.Api.Data.Seeding;

/// <summary>
/// A fortnightly assessment in each core learning area of the learner's grade (Creative Arts, Religious
/// Education and Agriculture monthly), with the CBC rubric level its score earns, and the teacher's rating of the seven core competencies on each assessment day.
/// Learners who have gone quiet have no assessment since their last session.
/// </summary>
internal static class DemoAssessments
{
    private const int EveryDays = 14;
    private static readonly CoreCompetency[] Competencies = Enum.GetValues<CoreCompetency>();
    private static readonly string[] MonthlyAreas = ["CA", "CRE", "AGR"];

    public static void Build(DemoWorld world, DemoLearners learners, DemoCourses courses)
    {
        var competencyScores = new List<CompetencyScore>();
        foreach (var learner in learners.All)
        {
            var gradeCourses = courses.ByGrade[learner.Student.Grade];
            for (var round = 0; ; round++)
            {
                var daysAgo = DemoWorld.WeekdayOnOrBefore(world.Today, 4 + EveryDays * round);
                if (daysAgo > DemoWorld.ActivityDays - 3) break;
                if (daysAgo < learner.QuietDays) continue;

                var day = world.Day(daysAgo);
                var at = world.At(day, world.Between(9, 14), world.Rng.Next(60));
                var scores = new List<decimal>();
                foreach (var course in gradeCourses)
                {
                    var area = courses.AreaOf(course);
                    if (round % 2 == 1 && MonthlyAreas.Contains(area.Code)) continue;
                    var score = Math.Round((decimal)Math.Clamp(learner.ExpectedScore(daysAgo, area.Id) + world.Noise(7), 5, 99), 1);
                    var topic = course.Lessons[(DemoWorld.ActivityDays - daysAgo) / EveryDays % (course.Lessons.Count - 1)].Title;
                    scores.Add(score);
                    learner.Assessments.Add(new Assessment
                    {
                        StudentId = learner.Student.Id, LearningAreaId = area.Id, Title = $"{area.Name}: {topic} (fortnightly check)",
                        Score = score, RubricLevel = DemoLearner.RubricFor(score), AssessedAt = at.AddMinutes(25 * scores.Count),
                    });
                }

                var average = (double)scores.Average();
                for (var c = 0; c < Competencies.Length; c++)
                {
                    var rating = Math.Clamp(1 + 3 * average / 100 + learner.CompetencyOffsets[c] + world.Noise(0.3), 1, 4);
                    competencyScores.Add(new CompetencyScore
                    {
                        StudentId = learner.Student.Id, Competency = Competencies[c], AssessedOn = day,
                        Score = Math.Round((decimal)rating, 1),
                    });
                }
            }
        }
        world.Db.Assessments.AddRange(learners.All.SelectMany(l => l.Assessments));
        world.Db.CompetencyScores.AddRange(competencyScores);
    }
}
