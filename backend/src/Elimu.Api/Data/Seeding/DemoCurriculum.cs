using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Students;

namespace Elimu.Api.Data.Seeding;

/// <summary>The CBC learning areas and, per grade, one course per learning area taught in that grade.</summary>
internal sealed record DemoCourses(IReadOnlyList<LearningArea> Areas, IReadOnlyDictionary<CbcGrade, IReadOnlyList<Course>> ByGrade)
{
    public LearningArea Area(string code) => Areas.Single(a => a.Code == code);

    public LearningArea AreaOf(Course course) => Areas.Single(a => a.Id == course.LearningAreaId);
}

/// <summary>Learning areas, courses for every grade PP1-Grade 12, and 6-10 lessons per course.</summary>
internal static class DemoCurriculum
{
    public static DemoCourses Build(DemoWorld world)
    {
        var areas = CbcLearningAreas.All.Select(a => new LearningArea { Code = a.Code, Name = a.Name, Description = a.Description }).ToList();
        var byGrade = new Dictionary<CbcGrade, IReadOnlyList<Course>>();
        var created = world.AtDaysAgo(400);

        foreach (var grade in Enum.GetValues<CbcGrade>())
        {
            var stage = Stage(grade);
            var courses = new List<Course>();
            foreach (var area in areas.Where(a => Taught(a.Code, grade)))
            {
                var topics = DemoCurriculumTopics.ByArea[area.Code][stage];
                var count = world.Between(6, 10);
                var offset = (int)grade % 3 * 2; // neighbouring grades start the topic list in different places
                var course = new Course
                {
                    LearningAreaId = area.Id, Grade = grade, CreatedAt = created,
                    Title = $"{GradeLabel(grade)} {area.Name}",
                    Description = $"{area.Name} for {GradeLabel(grade)}, following the KICD CBC curriculum design.",
                };
                for (var i = 0; i < count; i++)
                {
                    var title = i == count - 1 ? $"Review and assessment: {GradeLabel(grade)} {area.Name}"
                        : topics[(offset + i) % topics.Length];
                    course.Lessons.Add(new Lesson
                    {
                        CourseId = course.Id, Title = title, Sequence = i + 1,
                        DurationMinutes = stage switch { 0 => world.Between(10, 20), 1 => world.Between(20, 30), _ => world.Between(30, 45) },
                    });
                }
                courses.Add(course);
            }
            byGrade[grade] = courses;
        }

        world.Db.LearningAreas.AddRange(areas);
        world.Db.Courses.AddRange(byGrade.Values.SelectMany(c => c));
        world.Db.Lessons.AddRange(byGrade.Values.SelectMany(c => c).SelectMany(c => c.Lessons));
        return new DemoCourses(areas, byGrade);
    }

    public static string GradeLabel(CbcGrade grade) => CbcLearningAreas.GradeLabel(grade);

    /// <summary>0: PP1-Grade 3, 1: Grades 4-6, 2: Grades 7-12.</summary>
    private static int Stage(CbcGrade grade) => grade switch
    {
        <= CbcGrade.Grade3 => 0,
        <= CbcGrade.Grade6 => 1,
        _ => 2,
    };

    private static bool Taught(string code, CbcGrade grade) => CbcLearningAreas.Taught(code, grade);
}
