using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Shared;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.Content.Courses;

/// <summary>
/// GET /content/courses/{id}/monitoring. Children enter the figures only through the consent gate
/// (<see cref="ChildLearningGate.CourseProgressAsync"/>): the target programs' children whose guardians' consent stands, in
/// programs approved and running and not suspended for billing. The platform keeps progress per child and lesson, not per
/// course, so a child is "enrolled" once it has started one of the course's lessons, and the partner's resources (whose use
/// by a child nothing records) are listed but not tracked. Eight queries whatever the number of children or items.
/// </summary>
public static class CourseMonitoring
{
    /// <summary>The audit's view name: the read is recorded as <c>child.read.course-monitoring</c> with every child counted.</summary>
    public const string View = "course-monitoring";

    public static async Task<Ok<CourseMonitoringView>> Handle(Guid id, ClaimsPrincipal user, CourseStore store, ChildLearningGate gate,
        CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var course = await store.OwnedAsync(partnerId, id, ct);
        if (course.Status == SponsoredCourseStatus.draft)
            throw DomainException.Conflict("course_not_published", "A draft is not offered to children yet: publish it to follow how they take it.");
        var view = await store.DescribeAsync(course, ct);
        var lessonIds = course.Items.Where(i => i.Kind == CourseItemKind.lesson).Select(i => i.LessonId!.Value).ToList();
        var figures = await gate.CourseProgressAsync(partnerId, course.TargetPrograms, lessonIds, View, ct);
        return TypedResults.Ok(Compute(view, figures));
    }

    /// <summary>The course's figures from the gate's per-lesson sums: one definition, used by the page and the tests.</summary>
    public static CourseMonitoringView Compute(SponsoredCourseView course, CourseProgressFigures figures)
    {
        var byLesson = figures.Lessons.ToDictionary(l => l.LessonId);
        var enrolled = figures.Enrolled;
        var scores = figures.Lessons.Sum(l => l.Scores);
        var seconds = figures.Lessons.Sum(l => l.Seconds);
        int? previous = null;
        var items = new List<CourseItemFigures>();
        foreach (var item in course.Items)
        {
            if (item.Kind == CourseItemKind.resource)
            {
                items.Add(new CourseItemFigures(item.Position, item.Kind, item.Title, false, null, null, null, null, null, null));
                continue;
            }
            var l = byLesson.GetValueOrDefault(item.LessonId!.Value);
            var reached = l?.Started ?? 0;
            items.Add(new CourseItemFigures(item.Position, item.Kind, item.Title, true, reached, l?.Completed ?? 0, Percent(reached, enrolled),
                previous is { } before ? before - reached : null, l is { Scores: > 0 } ? Round(l.ScoreSum / l.Scores) : null,
                Minutes(l?.Seconds ?? 0)));
            previous = reached;
        }
        return new CourseMonitoringView(course.Id, course.Title, course.Status, enrolled, figures.CompletedAll, Percent(figures.CompletedAll, enrolled),
            scores == 0 ? null : Round(figures.Lessons.Sum(l => l.ScoreSum) / scores), Minutes(seconds),
            enrolled == 0 ? null : Round(seconds / 60m / enrolled), items, course.TargetPrograms, figures.SuspendedPrograms);
    }

    private static decimal? Percent(int part, int whole) => whole == 0 ? null : Round(100m * part / whole);

    private static int Minutes(long seconds) => (int)Math.Round(seconds / 60m, MidpointRounding.AwayFromZero);

    private static decimal Round(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);
}
