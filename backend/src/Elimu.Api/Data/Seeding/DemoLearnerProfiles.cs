using Elimu.Api.Platform.Learning;

namespace Elimu.Api.Data.Seeding;

/// <summary>
/// Gives every learner a pattern (kept when the sponsorship story chose one) and the traits that
/// follow from it: typical score, how readily they log on, their home device, strong and weak areas.
/// </summary>
internal static class DemoLearnerProfiles
{
    private static readonly (LearnerPattern Pattern, int Weight)[] Mix =
    [
        (LearnerPattern.Steady, 40), (LearnerPattern.Star, 10), (LearnerPattern.Improving, 20),
        (LearnerPattern.Struggling, 12), (LearnerPattern.Disengaging, 12), (LearnerPattern.Inactive, 6),
    ];

    public static void Assign(DemoWorld world, DemoLearners learners, DemoCourses courses)
    {
        foreach (var learner in learners.All)
        {
            if (!learner.PatternChosen) learner.Pattern = Draw(world);
            (learner.Ability, learner.Diligence) = learner.Pattern switch
            {
                LearnerPattern.Star => (world.Between(80.0, 90.0), world.Between(0.9, 1.0)),
                LearnerPattern.Improving => (world.Between(48.0, 60.0), world.Between(0.75, 0.95)),
                LearnerPattern.Struggling => (world.Between(30.0, 42.0), world.Between(0.55, 0.75)),
                LearnerPattern.Disengaging => (world.Between(55.0, 70.0), world.Between(0.75, 0.9)),
                LearnerPattern.Inactive => (world.Between(50.0, 66.0), world.Between(0.7, 0.9)),
                _ => (world.Between(58.0, 75.0), world.Between(0.75, 0.95)),
            };
            learner.QuietDays = learner.Pattern == LearnerPattern.Inactive ? world.Between(8, 14) : 0;
            var device = world.Rng.NextDouble();
            learner.HomeDevice = device < 0.6 ? DeviceKind.mobile : device < 0.8 ? DeviceKind.tablet : DeviceKind.desktop;
            foreach (var area in courses.Areas) learner.AreaOffsets[area.Id] = world.Noise(8);
            for (var i = 0; i < learner.CompetencyOffsets.Length; i++) learner.CompetencyOffsets[i] = world.Noise(0.3);
        }
    }

    private static LearnerPattern Draw(DemoWorld world)
    {
        var roll = world.Rng.Next(Mix.Sum(m => m.Weight));
        foreach (var (pattern, weight) in Mix)
        {
            if (roll < weight) return pattern;
            roll -= weight;
        }
        return LearnerPattern.Steady;
    }
}
