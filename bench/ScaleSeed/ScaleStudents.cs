using Elimu.Api.Platform.Students;

namespace Elimu.Bench.ScaleSeed;

/// <summary>How a learner uses the platform: share of days active, typical score, and the day they stopped (if they did).</summary>
public sealed record LearnerHabits(double Activity, double Ability, int StoppedDaysAgo, DeviceKindChoice Device);

public enum DeviceKindChoice { mobile, tablet, desktop }

public sealed record ScaleStudent(int Index, Student Student, LearnerHabits Habits)
{
    /// <summary>One student in five is sponsored by the scale partner: 10,000 of 50,000, in every county.</summary>
    public bool Sponsored => Index % 5 == 0;
}

/// <summary>50,000 students over the 47 counties, ten schools each, every CBC grade; one in five sponsored.</summary>
public static class ScaleStudents
{
    /// <summary>50,000; SCALE_SEED_STUDENTS tries a smaller world (at least 2,500, so every program keeps ten children).</summary>
    public static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("SCALE_SEED_STUDENTS"), out var n) ? Math.Max(2_500, n) : 50_000;
    private const int Table = 1;

    public static List<ScaleStudent> Build(ScaleWorld world)
    {
        var ids = world.Ids(Table);
        var schools = KenyaCounties.All.Count * ScaleNames.SchoolsPerCounty;
        var students = new List<ScaleStudent>(Count);
        for (var i = 0; i < Count; i++)
        {
            var rng = ScaleWorld.RngFor(Table, i);
            var (county, kind) = (i % KenyaCounties.All.Count, i / KenyaCounties.All.Count % ScaleNames.SchoolsPerCounty);
            var gender = rng.Next(2) == 0 ? Gender.female : Gender.male;
            var grade = (CbcGrade)rng.Next(Enum.GetValues<CbcGrade>().Length);
            var age = 4 + (int)grade;
            var student = new Student
            {
                Id = ids.Next(),
                FirstName = gender == Gender.female ? Pick(rng, ScaleNames.Girls) : Pick(rng, ScaleNames.Boys),
                LastName = Pick(rng, ScaleNames.Surnames),
                DateOfBirth = world.Today.AddYears(-age).AddDays(-rng.Next(365)),
                Gender = gender,
                Grade = grade,
                School = ScaleNames.School(county, kind),
                County = KenyaCounties.All[county],
                AdmissionNumber = $"{ScaleNames.Prefix(county, kind)}/{i / schools + 1:D4}",
                LearningNeeds = rng.NextDouble() < 0.06 ? [Pick(rng, ScaleNames.LearningNeeds)] : [],
                CreatedAt = world.AtDaysAgo(rng, ScaleWorld.Days + rng.Next(400)),
            };
            // Most learn most weekdays; a few barely; about one in eight stopped in the last months (the alerts).
            var activity = rng.NextDouble() < 0.1 ? 0.15 + rng.NextDouble() * 0.3 : 0.6 + rng.NextDouble() * 0.8;
            var stopped = rng.NextDouble() < 0.12 ? rng.Next(8, 120) : 0;
            var habits = new LearnerHabits(activity, 35 + rng.NextDouble() * 55, stopped, (DeviceKindChoice)rng.Next(3));
            students.Add(new ScaleStudent(i, student, habits));
        }
        return students;
    }

    public static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];
}
