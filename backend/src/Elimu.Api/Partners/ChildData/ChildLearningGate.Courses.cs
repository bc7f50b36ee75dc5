using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.ChildData;

/// <summary>A sponsored course's figures over the partner's monitored children of its target programs.</summary>
/// <param name="Enrolled">Monitored children who started at least one of the course's lessons.</param>
/// <param name="CompletedAll">Of those, the children who completed every one of the lessons.</param>
/// <param name="Lessons">Per lesson, over the enrolled children who started it; a lesson nobody started is absent.</param>
/// <param name="SuspendedPrograms">Target programs whose monitoring is suspended for unpaid billing: their children are not counted.</param>
public sealed record CourseProgressFigures(int Enrolled, int CompletedAll, IReadOnlyList<CourseLessonFigures> Lessons, IReadOnlyList<Guid> SuspendedPrograms);

/// <summary>One lesson: children who started it, who completed it, the sum and number of check scores, seconds spent.</summary>
public sealed record CourseLessonFigures(Guid LessonId, int Started, int Completed, decimal ScoreSum, int Scores, long Seconds);

public sealed partial class ChildLearningGate
{
    /// <summary>
    /// A sponsored course's take-up among the partner's children of <paramref name="programIds"/> that the gate lets it see
    /// (consent given and standing, program approved and running, billing in order): a revoked or declined child is in no
    /// figure. The children counted are recorded as read in <paramref name="view"/>. Four queries whatever the number of
    /// children or lessons.
    /// </summary>
    public async Task<CourseProgressFigures> CourseProgressAsync(Guid partnerId, IReadOnlyCollection<Guid> programIds, IReadOnlyCollection<Guid> lessonIds,
        string view, CancellationToken ct)
    {
        var programs = programIds.Distinct().ToList();
        var lessons = lessonIds.Distinct().ToList();
        var suspended = (await billing.SuspendedProgramsAsync(partnerId, ct)).Where(programs.Contains).ToList();
        if (programs.Count == 0 || lessons.Count == 0) return new CourseProgressFigures(0, 0, [], suspended);

        var monitored = MonitoredChildren(partnerId).Where(c => programs.Contains(c.ProgramId));
        var started = sequences.StartedAny(lessons);
        var enrolled = await monitored.Where(c => started.Contains(c.StudentId)).Select(c => new { c.Id, c.StudentId }).ToListAsync(ct);
        foreach (var child in enrolled) consent.RecordShown(partnerId, view, child.Id, child.StudentId);

        var students = monitored.Select(c => c.StudentId);
        var perLesson = await sequences.PerLessonAsync(students, lessons, ct);
        var completedAll = await sequences.CompletedAllAsync(students, lessons, ct);
        return new CourseProgressFigures(enrolled.Select(c => c.StudentId).Distinct().Count(), completedAll,
            [.. perLesson.Select(l => new CourseLessonFigures(l.LessonId, l.Started, l.Completed, l.ScoreSum, l.Scores, l.Seconds))], suspended);
    }
}
