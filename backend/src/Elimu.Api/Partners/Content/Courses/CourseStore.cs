using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Learning;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Content.Courses;

/// <summary>What a course's items and programs point to, loaded once per request (three queries whatever their number).</summary>
public sealed record CourseReferences(IReadOnlyDictionary<Guid, CatalogLesson> Lessons, IReadOnlyDictionary<Guid, CourseResourceRef> Resources,
    IReadOnlyDictionary<Guid, ProgramRef> Programs);

/// <summary>The partner's sponsored courses: find (another partner's is "not found"), save, move between states, describe.</summary>
public sealed class CourseStore(AppDbContext db, ProgramStore programs, PlatformLessons lessons, TimeProvider clock)
{
    public async Task<SponsoredCourse> OwnedAsync(Guid partnerId, Guid id, CancellationToken ct) =>
        await db.SponsoredCourses.Include(c => c.Items)
            .SingleOrDefaultAsync(c => c.Id == id && c.PartnerId == partnerId, ct)
        ?? throw DomainException.NotFound("Course");

    /// <summary>Creates (no <paramref name="id"/>) or replaces a course; 400 on its shape, 404 for another's, 409 once archived, 422 on its references.</summary>
    public async Task<SponsoredCourseView> SaveAsync(Guid partnerId, Guid? id, SaveCourseRequest body, CancellationToken ct)
    {
        CourseRules.CheckShape(body);
        var course = id is { } existing ? await OwnedAsync(partnerId, existing, ct) : null;
        if (course?.Status == SponsoredCourseStatus.archived)
            throw DomainException.Conflict("invalid_transition", "An archived course cannot be changed; publish it again to edit it.");
        var items = (body.Items ?? []).Select(i => i!).ToList();
        var targets = body.TargetPrograms ?? [];
        var refs = await ReferencesAsync(partnerId, items.Select(i => i.LessonId), items.Select(i => i.ResourceId), ct);
        CourseRules.CheckReferences(items, targets, refs.Lessons, refs.Resources, refs.Programs, partnerId);

        var now = clock.GetUtcNow().UtcDateTime;
        if (course is null)
        {
            course = new SponsoredCourse { PartnerId = partnerId, CreatedAt = now };
            db.SponsoredCourses.Add(course);
        }
        course.Title = body.Title!.Trim();
        course.Description = string.IsNullOrWhiteSpace(body.Description) ? null : body.Description.Trim();
        (course.Grade, course.LearningArea) = (body.Grade!.Value, body.LearningArea!.Trim());
        course.TargetPrograms = [.. targets];
        ReplaceItems(course, items);
        // A published course stays publishable: children of its programs are taking it.
        if (course.Status == SponsoredCourseStatus.published) CourseRules.CheckPublishable(course);
        course.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return Describe(course, refs);
    }

    public async Task<SponsoredCourseView> PublishAsync(Guid partnerId, Guid id, CancellationToken ct)
    {
        var course = await OwnedAsync(partnerId, id, ct);
        if (course.Status == SponsoredCourseStatus.published)
            throw DomainException.Conflict("invalid_transition", "This course is already published.");
        CourseRules.CheckPublishable(course);
        // A resource may have been withdrawn from review, or a program ended, since the course was saved.
        var refs = await ReferencesAsync(partnerId, course.Items.Select(i => i.LessonId), course.Items.Select(i => i.ResourceId), ct);
        CourseRules.CheckReferences([.. course.Items.OrderBy(i => i.Position).Select(i => new CourseItemRequest(i.Kind, i.LessonId, i.ResourceId))], course.TargetPrograms,
            refs.Lessons, refs.Resources, refs.Programs, partnerId);
        var now = clock.GetUtcNow().UtcDateTime;
        (course.Status, course.PublishedAt, course.UpdatedAt) = (SponsoredCourseStatus.published, now, now);
        await db.SaveChangesAsync(ct);
        return Describe(course, refs);
    }

    public async Task<SponsoredCourseView> ArchiveAsync(Guid partnerId, Guid id, CancellationToken ct)
    {
        var course = await OwnedAsync(partnerId, id, ct);
        if (course.Status == SponsoredCourseStatus.archived)
            throw DomainException.Conflict("invalid_transition", "This course is already archived.");
        (course.Status, course.UpdatedAt) = (SponsoredCourseStatus.archived, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await DescribeAsync(course, ct);
    }

    public async Task<SponsoredCourseView> DescribeAsync(SponsoredCourse course, CancellationToken ct) =>
        Describe(course, await ReferencesAsync(course.PartnerId, course.Items.Select(i => i.LessonId), course.Items.Select(i => i.ResourceId), ct));

    public async Task<CourseReferences> ReferencesAsync(Guid partnerId, IEnumerable<Guid?> lessonIds, IEnumerable<Guid?> resourceIds, CancellationToken ct)
    {
        var lessonList = lessonIds.OfType<Guid>().Distinct().ToList();
        var resourceList = resourceIds.OfType<Guid>().Distinct().ToList();
        var found = await lessons.FindAsync(lessonList, ct);
        Dictionary<Guid, CourseResourceRef> resources = resourceList.Count == 0 ? [] : await db.PartnerResources.AsNoTracking().Where(r => resourceList.Contains(r.Id))
            .Select(r => new CourseResourceRef(r.Id, r.PartnerId, r.Status, r.Title, r.ResourceType)).ToDictionaryAsync(r => r.Id, ct);
        var own = (await programs.OfPartnerAsync(partnerId, ct)).ToDictionary(p => p.Id);
        return new CourseReferences(found, resources, own);
    }

    public static SponsoredCourseView Describe(SponsoredCourse c, CourseReferences refs) =>
        new(c.Id, c.Title, c.Description, c.Grade, c.LearningArea, AreaName(c.LearningArea), c.Status,
            [.. c.Items.OrderBy(i => i.Position).Select(i => Item(i, refs, c.PartnerId))], Programs(c.TargetPrograms, refs.Programs),
            c.CreatedAt, c.UpdatedAt, c.PublishedAt);

    public static List<CourseProgramView> Programs(IEnumerable<Guid> ids, IReadOnlyDictionary<Guid, ProgramRef> own) =>
        [.. ids.Where(own.ContainsKey).Select(id => new CourseProgramView(id, own[id].Name, own[id].Status))];

    public static string AreaName(string code) => CbcLearningAreas.ByCode(code)?.Name ?? code;

    private static CourseItemView Item(SponsoredCourseItem i, CourseReferences refs, Guid partnerId)
    {
        if (i.Kind == CourseItemKind.lesson)
            return refs.Lessons.TryGetValue(i.LessonId!.Value, out var l)
                ? new(i.Position, i.Kind, l.Id, null, l.Title, $"{l.CourseTitle} · lesson {l.Sequence}", l.DurationMinutes, true)
                : new(i.Position, i.Kind, i.LessonId, null, "Lesson no longer on the platform", "", null, false);
        return refs.Resources.TryGetValue(i.ResourceId!.Value, out var r) && r.PartnerId == partnerId
            ? new(i.Position, i.Kind, null, r.Id, r.Title, r.ResourceType.ToString(), null, r.Status == ResourceStatus.approved)
            : new(i.Position, i.Kind, null, i.ResourceId, "Resource no longer available", "", null, false);
    }

    /// <summary>Rewrites the rows in place (position by position), so the unique (course, position) key never sees two rows at once.</summary>
    private void ReplaceItems(SponsoredCourse course, List<CourseItemRequest> items)
    {
        var rows = course.Items.OrderBy(i => i.Position).ToList();
        for (var p = 0; p < items.Count; p++)
        {
            var row = p < rows.Count ? rows[p] : null;
            if (row is null)
            {
                // Added explicitly: its id is set already, which would make EF take it for an existing row. Tracking it puts
                // it in the course's items too (navigation fix-up).
                row = new SponsoredCourseItem { CourseId = course.Id, Position = p + 1 };
                db.SponsoredCourseItems.Add(row);
                if (!course.Items.Contains(row)) course.Items.Add(row);
            }
            (row.Kind, row.LessonId, row.ResourceId) = (items[p].Kind!.Value, items[p].LessonId, items[p].ResourceId);
        }
        foreach (var extra in rows.Skip(items.Count))
        {
            course.Items.Remove(extra);
            db.SponsoredCourseItems.Remove(extra);
        }
    }
}
