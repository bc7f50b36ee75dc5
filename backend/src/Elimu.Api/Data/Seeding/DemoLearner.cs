using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Students;

namespace Elimu.Api.Data.Seeding;

/// <summary>How a learner's last four months went; drives their activity, progress and scores.</summary>
internal enum LearnerPattern
{
    Steady,
    Star,
    /// <summary>Logs on more and scores higher month by month.</summary>
    Improving,
    Struggling,
    /// <summary>Activity fades over the last three to four weeks.</summary>
    Disengaging,
    /// <summary>Faded, then no session at all for the last <see cref="DemoLearner.QuietDays"/> days.</summary>
    Inactive,
}

/// <summary>One demo student with the story behind their numbers, and the records generated for them.</summary>
internal sealed class DemoLearner(Student student, DemoSchool school, DemoParent primaryGuardian)
{
    private const int FadeDays = 25;

    public Student Student { get; } = student;
    public DemoSchool School { get; } = school;
    public DemoParent PrimaryGuardian { get; } = primaryGuardian;
    public List<DemoParent> Guardians { get; } = [primaryGuardian];

    public LearnerPattern Pattern { get; set; }
    /// <summary>Set when the sponsorship story fixed the pattern; otherwise it is drawn at random.</summary>
    public bool PatternChosen { get; set; }
    /// <summary>Typical score (0-100) at the start of the 120 days.</summary>
    public double Ability { get; set; }
    /// <summary>0.6-1.0: how readily the learner logs on.</summary>
    public double Diligence { get; set; }
    /// <summary>For <see cref="LearnerPattern.Inactive"/>: days since the last session.</summary>
    public int QuietDays { get; set; }
    public DeviceKind HomeDevice { get; set; }
    public Dictionary<Guid, double> AreaOffsets { get; } = [];
    public double[] CompetencyOffsets { get; } = new double[Enum.GetValues<CoreCompetency>().Length];

    public List<ActivitySession> Sessions { get; } = [];
    public List<CourseEnrollment> Enrollments { get; } = [];
    public List<LessonProgress> Progress { get; } = [];
    public List<Assessment> Assessments { get; } = [];

    public string FullName => $"{Student.FirstName} {Student.LastName}";

    /// <summary>Multiplier on the chance and length of a session <paramref name="daysAgo"/> days back.</summary>
    public double Engagement(int daysAgo) => Pattern switch
    {
        LearnerPattern.Improving => 0.55 + 0.5 * (1 - daysAgo / (double)DemoWorld.ActivityDays),
        LearnerPattern.Struggling => 0.8,
        LearnerPattern.Disengaging => daysAgo >= FadeDays ? 1 : 0.2 + 0.8 * daysAgo / FadeDays,
        LearnerPattern.Inactive => daysAgo < QuietDays ? 0
            : daysAgo < QuietDays + FadeDays ? 0.15 + 0.85 * (daysAgo - QuietDays) / FadeDays : 1,
        _ => 1,
    };

    /// <summary>The score the learner would typically get <paramref name="daysAgo"/> days back, before noise.</summary>
    public double ExpectedScore(int daysAgo, Guid learningAreaId)
    {
        var t = 1 - daysAgo / (double)DemoWorld.ActivityDays; // 0 at the start of the window, 1 today
        var trend = Pattern switch
        {
            LearnerPattern.Improving => -8 + 24 * t,
            LearnerPattern.Struggling => 4 * t,
            LearnerPattern.Disengaging or LearnerPattern.Inactive => daysAgo < 35 ? -14 * (35 - daysAgo) / 35.0 : 0,
            _ => 0,
        };
        return Ability + trend + AreaOffsets.GetValueOrDefault(learningAreaId);
    }

    public static RubricLevel RubricFor(decimal score) => score switch
    {
        >= 80 => RubricLevel.EE,
        >= 60 => RubricLevel.ME,
        >= 40 => RubricLevel.AE,
        _ => RubricLevel.BE,
    };
}
