using Elimu.Api.Partners.Sponsorships;
using static System.FormattableString;

namespace Elimu.Api.Data.Seeding;

/// <summary>The partner's goals, notes and suggested milestones on a few children of the Lake Region cohort.</summary>
internal static class DemoChildGoals
{
    public static void Build(DemoWorld world, DemoPrograms programs, DemoLearners learners, DemoCourses courses)
    {
        var endOfTerm = world.Day(-45);
        var cohort = programs.Cohort.Children;
        DemoSponsorship Of(DemoLearner learner) => cohort.Single(c => c.Learner == learner);
        var math = courses.Area("MATH");

        var brian = Of(learners.Brian).Child;
        brian.Notes = "Keen on the school science club. Mentor: Ms. Adhiambo (Tumaini volunteer, civil engineer).";
        brian.PartnerGoals =
        [
            new ChildGoal { Kind = ChildGoalKind.rubric_level, LearningAreaCode = "MATH", Target = "EE", DueDate = endOfTerm },
            new ChildGoal { Kind = ChildGoalKind.weekly_minutes, Target = "180", DueDate = endOfTerm },
        ];
        var (before, after) = Averages(learners.Brian, math.Id);
        brian.AiMilestones =
        [
            new AiMilestone
            {
                Title = "Reach Exceeding Expectations in Mathematics",
                Description = Invariant($"Brian's Mathematics average rose from {before:0} to {after:0} between the first and last two months; ")
                    + "two more fortnightly checks at 80 or above would put him at EE.",
                TargetDate = world.Day(-30), Provider = "offline",
            },
            new AiMilestone { Title = "Ten hours of learning", Description = "Reached ten hours on Elimu.", Achieved = true, Provider = "offline" },
        ];

        var joy = Of(learners.Joy).Child;
        joy.Notes = "Reads aloud at the Saturday reading circle; loves Kiswahili stories.";
        joy.PartnerGoals = [new ChildGoal { Kind = ChildGoalKind.lessons_completed, Target = "40", DueDate = endOfTerm }];
        joy.AiMilestones = [new AiMilestone { Title = "Complete Grade 3 English", Description = "Finish every lesson of Grade 3 English before the end of term.", TargetDate = endOfTerm, Provider = "offline" }];

        var faith = Of(learners.Faith).Child;
        faith.Notes = "Added after her mother asked at the reading circle. Consent request sent; reading support planned.";
        var kevin = Of(learners.Kevin).Child;
        kevin.Notes = "His mother withdrew consent. We have offered a call through Elimu support to answer her questions.";

        foreach (var child in cohort.Where(c => c.Story == ConsentStory.Given && c.Learner.Pattern == LearnerPattern.Disengaging))
            child.Child.PartnerGoals =
            [
                new ChildGoal { Kind = ChildGoalKind.streak_days, Target = "5", DueDate = world.Day(-21) },
                new ChildGoal { Kind = ChildGoalKind.weekly_minutes, Target = "120", DueDate = world.Day(-21) },
            ];
        foreach (var child in cohort.Where(c => c.Story == ConsentStory.Given && c.Learner.Pattern == LearnerPattern.Struggling))
            child.Child.PartnerGoals = [new ChildGoal { Kind = ChildGoalKind.rubric_level, LearningAreaCode = "ENG", Target = "ME", DueDate = endOfTerm }];
        foreach (var child in cohort.Where(c => c.Story == ConsentStory.GivenThenPaused))
            child.Child.Notes = "Paused: the family is moving to Nakuru. We will resume when the new school is confirmed.";
    }

    /// <summary>Average score in one learning area over the first and the last 60 days.</summary>
    private static (decimal Before, decimal After) Averages(DemoLearner learner, Guid areaId)
    {
        var scores = learner.Assessments.Where(a => a.LearningAreaId == areaId).OrderBy(a => a.AssessedAt).ToList();
        var half = scores.Count / 2;
        return half == 0 ? (0, 0) : (scores.Take(half).Average(a => a.Score), scores.Skip(half).Average(a => a.Score));
    }
}
