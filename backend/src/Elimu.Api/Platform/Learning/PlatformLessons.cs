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
        if (grade is { } g) query = query.Where(l => l.Grade == g);
        if (!string.IsNullOrEmpty(learningArea)) query = query.Where(l => l.LearningArea == learningArea);
        if (!string.IsNullOrEmpty(search))
        {
            var term = search.ToLower();
            query = query.Where(l => l.Title.ToLower().Contains(term) || l.CourseTitle.ToLower().Contains(term));
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(l => l.Grade).ThenBy(l => l.LearningArea).ThenBy(l => l.CourseTitle).ThenBy(l => l.Sequence)
            .Skip(skip).Take(take).ToListAsync(ct);
        return (items, total);
    }

    /// <summary>The lessons among <paramref name="ids"/> that exist, by id (one query).</summary>
    public async Task<Dictionary<Guid, CatalogLesson>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await Rows().Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);

    private IQueryable<CatalogLesson> Rows() =>
        from l in db.Lessons.AsNoTracking()
        join c in db.Courses on l.CourseId equals c.Id
        join a in db.LearningAreas on c.LearningAreaId equals a.Id
        select new CatalogLesson(l.Id, l.Title, l.Sequence, l.DurationMinutes, c.Id, c.Title, c.Grade, a.Code, a.Name);
}
