using Elimu.Api.Data;
using Elimu.Api.Platform.Students;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Learning;

/// <summary>A platform lesson as a course builder lists it: where it sits (course, grade, learning area) and how long it takes.</summary>
public sealed record CatalogLesson(Guid Id, string Title, int Sequence, int DurationMinutes, Guid CourseId, string CourseTitle, CbcGrade Grade,
    string LearningArea, string LearningAreaName);

/// <summary>
/// The platform's lesson catalogue: what lessons exist, never who took them. Partner sections assemble sponsored courses
/// from it; a child's progress on a lesson is read only through the partner dashboard's consent gate.
/// </summary>
public sealed class PlatformLessons(AppDbContext db)
{
    /// <summary>Lessons of the grade and area (either optional) whose title or course title holds <paramref name="search"/>, in course order.</summary>
    public async Task<(List<CatalogLesson> Items, int Total)> PageAsync(CbcGrade? grade, string? learningArea, string? search, int skip, int take,
        CancellationToken ct)
    {
        var query = Rows();
        if (grade is { } g) query = query.Where(r => r.Course.Grade == g);
        if (!string.IsNullOrEmpty(learningArea)) query = query.Where(r => r.Area.Code == learningArea);
        if (!string.IsNullOrEmpty(search))
        {
            var term = search.ToLower();
            query = query.Where(r => r.Lesson.Title.ToLower().Contains(term) || r.Course.Title.ToLower().Contains(term));
        }
        var total = await query.CountAsync(ct);
        var items = await Project(query.OrderBy(r => r.Course.Grade).ThenBy(r => r.Area.Code).ThenBy(r => r.Course.Title).ThenBy(r => r.Lesson.Sequence)
            .Skip(skip).Take(take)).ToListAsync(ct);
        return (items, total);
    }

    /// <summary>The lessons among <paramref name="ids"/> that exist, by id (one query).</summary>
    public async Task<Dictionary<Guid, CatalogLesson>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await Project(Rows().Where(r => ids.Contains(r.Lesson.Id))).ToDictionaryAsync(l => l.Id, ct);

    private sealed class Row
    {
        public Lesson Lesson { get; init; } = null!;
        public Course Course { get; init; } = null!;
        public LearningArea Area { get; init; } = null!;
    }

    // Filters and orders compose on a member initialiser; the record is built last (EF Core composes nothing after a constructor).
    private IQueryable<Row> Rows() =>
        from l in db.Lessons.AsNoTracking()
        join c in db.Courses.AsNoTracking() on l.CourseId equals c.Id
        join a in db.LearningAreas.AsNoTracking() on c.LearningAreaId equals a.Id
        select new Row { Lesson = l, Course = c, Area = a };

    private static IQueryable<CatalogLesson> Project(IQueryable<Row> rows) =>
        rows.Select(r => new CatalogLesson(r.Lesson.Id, r.Lesson.Title, r.Lesson.Sequence, r.Lesson.DurationMinutes, r.Course.Id, r.Course.Title,
            r.Course.Grade, r.Area.Code, r.Area.Name));
}
