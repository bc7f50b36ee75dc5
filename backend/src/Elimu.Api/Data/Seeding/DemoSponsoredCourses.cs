using Elimu.Api.Partners.Content;
using Elimu.Api.Partners.Content.Courses;
using Elimu.Api.Platform.Learning;

namespace Elimu.Api.Data.Seeding;

/// <summary>
/// Tumaini's sponsored courses: a published one for the Lake Region cohort, built from the first lessons of the grade most
/// of its consented children are in (so their lesson progress fills its monitoring) and the approved reading-circle guide,
/// and a draft for the girls' program still awaiting approval. Uses no random numbers, so the rest of the story is unchanged.
/// </summary>
internal static class DemoSponsoredCourses
{
    public static void Build(DemoWorld world, DemoPrograms programs, DemoCourses courses)
    {
        var partner = programs.Cohort.Partner.Id;
        var guide = world.Db.PartnerResources.Local.First(r => r.PartnerId == partner && r.Status == ResourceStatus.approved);
        var grade = programs.Cohort.Children.Where(c => c.HasConsent).GroupBy(c => c.Learner.Student.Grade)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        Course Of(string area) => courses.ByGrade[grade].Single(c => c.LearningAreaId == courses.Area(area).Id);
        var maths = Of("MATH").Lessons.OrderBy(l => l.Sequence).Take(4).ToList();
        var english = Of("ENG").Lessons.OrderBy(l => l.Sequence).Take(2).ToList();

        var published = new SponsoredCourse
        {
            PartnerId = partner, Title = $"Lake Region numbers and stories ({CbcLearningAreas.GradeLabel(grade)})", Grade = grade, LearningArea = "MATH",
            Description = "The term's core Mathematics lessons, our reading-circle guide for the weekly session, then two English lessons to read and write about it.",
            Status = SponsoredCourseStatus.published, TargetPrograms = [programs.Cohort.Program.Id],
            CreatedAt = world.AtDaysAgo(70), UpdatedAt = world.AtDaysAgo(60), PublishedAt = world.AtDaysAgo(60),
        };
        var steps = maths.Take(2).Select(Lesson).Append(Resource(guide.Id)).Concat(maths.Skip(2).Select(Lesson)).Concat(english.Select(Lesson)).ToList();
        for (var i = 0; i < steps.Count; i++) steps[i].Position = i + 1;
        published.Items = steps;

        var girlsGrade = programs.Direct.Children.Select(c => c.Learner.Student.Grade).First(g => CbcLearningAreas.Taught("SCI", g));
        var draft = new SponsoredCourse
        {
            PartnerId = partner, Title = "Girls in STEM: science starter", Grade = girlsGrade, LearningArea = "SCI",
            Description = "A first science unit for the girls' program, to publish once the program is approved.",
            TargetPrograms = [programs.Direct.Program.Id], CreatedAt = world.AtDaysAgo(3), UpdatedAt = world.AtDaysAgo(3),
        };
        var science = courses.ByGrade[draft.Grade].Single(c => c.LearningAreaId == courses.Area("SCI").Id).Lessons.OrderBy(l => l.Sequence).Take(3).ToList();
        draft.Items = [.. science.Select((l, i) => new SponsoredCourseItem { Kind = CourseItemKind.lesson, LessonId = l.Id, Position = i + 1 })];

        world.Db.SponsoredCourses.AddRange(published, draft);
    }

    private static SponsoredCourseItem Lesson(Lesson l) => new() { Kind = CourseItemKind.lesson, LessonId = l.Id };

    private static SponsoredCourseItem Resource(Guid id) => new() { Kind = CourseItemKind.resource, ResourceId = id };
}
