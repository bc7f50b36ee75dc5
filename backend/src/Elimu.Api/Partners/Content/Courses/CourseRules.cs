using Elimu.Api.Common;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Learning;

namespace Elimu.Api.Partners.Content.Courses;

/// <summary>What a course must be to be saved (400 on its shape, 422 on what it points to) and to be published.</summary>
public static class CourseRules
{
    public const int TitleLength = 200;
    public const int DescriptionLength = 2_000;
    public const int MaxItems = 60;
    public const int MaxPrograms = 50;

    /// <summary>Programs whose children no longer learn: a course offered to them would reach nobody.</summary>
    private static readonly ProgramStatus[] Ended = [ProgramStatus.COMPLETED, ProgramStatus.CANCELLED];

    /// <summary>The fields on their own: title, grade, learning area taught in that grade, items well formed. 400 naming each.</summary>
    public static void CheckShape(SaveCourseRequest body)
    {
        var title = body.Title?.Trim() ?? "";
        var area = CbcLearningAreas.ByCode(body.LearningArea?.Trim());
        var v = new Validation()
            .Check(title.Length > 0, "title", "Give the course a title.")
            .Text("title", title, TitleLength)
            .Text("description", body.Description?.Trim(), DescriptionLength)
            .Check(body.Grade is { } g && Enum.IsDefined(g), "grade", "Choose a CBC grade.")
            .Check(area is not null, "learningArea", "Choose a CBC learning area.")
            .Check((body.Items?.Count ?? 0) <= MaxItems, "items", $"A course has at most {MaxItems} items.")
            .Check((body.TargetPrograms?.Count ?? 0) <= MaxPrograms, "targetPrograms", $"Choose at most {MaxPrograms} programs.")
            .NoNulls("items", body.Items);
        if (area is not null && body.Grade is { } grade && Enum.IsDefined(grade))
            v.Check(CbcLearningAreas.Taught(area.Code, grade), "learningArea", $"{area.Name} is not taught in {CbcLearningAreas.GradeLabel(grade)}.");
        for (var i = 0; i < (body.Items?.Count ?? 0); i++)
        {
            if (body.Items![i] is not { } item) continue;
            var ok = item.Kind switch
            {
                CourseItemKind.lesson => item.LessonId is not null && item.ResourceId is null,
                CourseItemKind.resource => item.ResourceId is not null && item.LessonId is null,
                _ => false,
            };
            v.Check(ok, $"items[{i}]", "An item is a lesson (kind lesson with its lessonId) or a resource (kind resource with its resourceId).");
        }
        v.ThrowIfInvalid();
    }

    /// <summary>
    /// What the items and programs point to: a platform lesson that exists, one of the partner's own approved resources, one
    /// of the partner's programs still running; no item twice. 422 naming each wrong item (<c>items[2]</c>) or program.
    /// </summary>
    public static void CheckReferences(IReadOnlyList<CourseItemRequest> items, IReadOnlyList<Guid> programs, IReadOnlyDictionary<Guid, CatalogLesson> lessons,
        IReadOnlyDictionary<Guid, CourseResourceRef> resources, IReadOnlyDictionary<Guid, ProgramRef> ownPrograms, Guid partnerId)
    {
        var v = new Validation();
        var seen = new Dictionary<(CourseItemKind, Guid), int>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var id = (item.LessonId ?? item.ResourceId)!.Value;
            if (seen.TryGetValue((item.Kind!.Value, id), out var first))
            {
                v.Add($"items[{i}]", $"This {item.Kind} is already the course's item {first + 1}.");
                continue;
            }
            seen[(item.Kind.Value, id)] = i;
            if (item.Kind == CourseItemKind.lesson)
                v.Check(lessons.ContainsKey(id), $"items[{i}]", "No platform lesson has this id.");
            else if (!resources.TryGetValue(id, out var resource) || resource.PartnerId != partnerId)
                v.Add($"items[{i}]", "None of your resources has this id.");
            else
                v.Check(resource.Status == ResourceStatus.approved, $"items[{i}]",
                    $"\"{resource.Title}\" is {resource.Status.ToString().Replace('_', ' ')}: only resources Elimu has approved can be used in a course.");
        }
        for (var i = 0; i < programs.Count; i++)
        {
            if (!ownPrograms.TryGetValue(programs[i], out var program)) v.Add($"targetPrograms[{i}]", "None of your programs has this id.");
            else v.Check(!Ended.Contains(program.Status), $"targetPrograms[{i}]", $"{program.Name} is {program.Status}: its children no longer take courses.");
        }
        v.Check(programs.Distinct().Count() == programs.Count, "targetPrograms", "Choose each program once.");
        Throw422(v);
    }

    /// <summary>A course is published with at least one item and one program (its references are checked as on save).</summary>
    public static void CheckPublishable(SponsoredCourse course) =>
        Throw422(new Validation()
            .Check(course.Items.Count > 0, "items", "Add at least one lesson or resource before publishing.")
            .Check(course.TargetPrograms.Count > 0, "targetPrograms", "Choose at least one program before publishing."));

    private static void Throw422(Validation v)
    {
        try { v.ThrowIfInvalid(); }
        catch (ValidationFailedException e) { throw new ValidationFailedException(e.Errors, StatusCodes.Status422UnprocessableEntity); }
    }
}

/// <summary>A resource as a course checks it: whose it is, whether it is approved, what it is called.</summary>
public sealed record CourseResourceRef(Guid Id, Guid PartnerId, ResourceStatus Status, string Title, ResourceType ResourceType);
