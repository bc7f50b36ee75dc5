using System.Security.Claims;
using System.Text.Json;
using Elimu.Api.Ai;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Content.Generation;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Students;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Content;

/// <summary>
/// AI-generated lessons (plan Step 4, content generation): generate one from a prompt, keep it as the partner's draft,
/// edit it, and submit it for review. A partner sees only its own; another partner's draft is a 404.
/// </summary>
public static class AiResourceHandlers
{
    public static Ok<AiResourceOptions> Options() => TypedResults.Ok(new AiResourceOptions(
        Enum.GetValues<CbcGrade>().Select(g => new GradeOption(g, CbcLearningAreas.GradeLabel(g))).ToList(),
        CbcLearningAreas.All.Select(a => new LearningAreaOption(a.Code, a.Name,
            Enum.GetValues<CbcGrade>().Where(g => CbcLearningAreas.Taught(a.Code, g)).ToList())).ToList()));

    public static async Task<Created<AiResourceView>> Generate(GenerateLessonRequest body, ClaimsPrincipal user, AppDbContext db,
        IAiOrchestrator ai, TimeProvider clock, CancellationToken ct)
    {
        var prompt = (body.Prompt ?? "").Trim();
        var area = CbcLearningAreas.ByCode(body.LearningArea?.Trim());
        var type = body.ResourceType ?? ResourceType.lesson;
        var v = new Validation()
            .Check(prompt.Length >= ContentLimits.PromptMinLength, "prompt", "Describe what the lesson should teach.")
            .Text("prompt", prompt, ContentLimits.PromptLength)
            .Check(body.Grade is { } g && Enum.IsDefined(g), "grade", "Choose a CBC grade.")
            .Check(area is not null, "learningArea", "Choose a CBC learning area.")
            .Check(type is ResourceType.lesson or ResourceType.material, "resourceType", "Generate a lesson or a learning material.");
        if (area is not null && body.Grade is { } grade && Enum.IsDefined(grade))
            v.Check(CbcLearningAreas.Taught(area.Code, grade), "learningArea", $"{area.Name} is not taught in {CbcLearningAreas.GradeLabel(grade)}.");
        v.ThrowIfInvalid();

        var partnerId = user.PartnerId();
        var answer = await ai.RunAsync(new ContentGenerationTask(prompt, body.Grade!.Value, area!, type.ToString()), new AiRequest(partnerId), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var resource = new PartnerResource
        {
            PartnerId = partnerId, Title = answer.Result.Title, Description = answer.Result.Summary, ResourceType = type,
            Status = ResourceStatus.draft, Prompt = prompt, Grade = body.Grade, LearningArea = area!.Code,
            LessonJson = JsonSerializer.Serialize(answer.Result, LessonRules.Json),
            AiProvider = answer.Provider, AiModel = answer.Model, AiGeneratedAt = answer.GeneratedAt.UtcDateTime,
            CreatedAt = now, UpdatedAt = now,
        };
        db.PartnerResources.Add(resource);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"{ContentEndpoints.Prefix}/ai-resources/{resource.Id}", View(resource));
    }

    public static async Task<Ok<Paged<AiResourceSummary>>> List(int? page, int? pageSize, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var paged = await Generated(db).Where(r => r.PartnerId == partnerId).OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id)
            .ToPagedAsync(PageRequest.From(page, pageSize), ct);
        return TypedResults.Ok(new Paged<AiResourceSummary>(paged.Items.Select(r => new AiResourceSummary(
            r.Id, r.Title, r.ResourceType, r.Status, r.Grade!.Value, r.LearningArea!, AreaName(r.LearningArea),
            r.AiProvider!, r.AiModel!, r.AiGeneratedAt!.Value, r.UpdatedAt)).ToList(), paged.Page, paged.PageSize, paged.Total));
    }

    public static async Task<Ok<AiResourceView>> Get(Guid id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(View(await OwnAsync(db, user, id, ct)));

    public static async Task<Ok<AiResourceView>> Update(Guid id, UpdateAiResourceRequest body, ClaimsPrincipal user, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        LessonRules.Check(new Validation(), body.Lesson).ThrowIfInvalid();
        var resource = await OwnAsync(db, user, id, ct);
        if (resource.Status != ResourceStatus.draft)
            throw DomainException.Conflict("not_a_draft", "Only a draft can be edited; this resource is already submitted for review.");
        var lesson = LessonRules.Tidy(body.Lesson!);
        (resource.Title, resource.Description) = (lesson.Title, lesson.Summary);
        resource.LessonJson = JsonSerializer.Serialize(lesson, LessonRules.Json);
        var now = clock.GetUtcNow().UtcDateTime;
        (resource.UpdatedAt, resource.EditedAt) = (now, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(resource));
    }

    public static async Task<Ok<AiResourceView>> Submit(Guid id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var resource = await OwnAsync(db, user, id, ct);
        if (resource.Status != ResourceStatus.draft)
            throw DomainException.Conflict("not_a_draft", "This resource is already submitted for review.");
        (resource.Status, resource.UpdatedAt) = (ResourceStatus.pending_review, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(View(resource));
    }

    private static IQueryable<PartnerResource> Generated(AppDbContext db) => db.PartnerResources.Where(r => r.LessonJson != null);

    private static async Task<PartnerResource> OwnAsync(AppDbContext db, ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        return await Generated(db).FirstOrDefaultAsync(r => r.Id == id && r.PartnerId == partnerId, ct)
            ?? throw DomainException.NotFound("Generated resource");
    }

    private static AiResourceView View(PartnerResource r)
    {
        var lesson = JsonSerializer.Deserialize<GeneratedLesson>(r.LessonJson!, LessonRules.Json)!;
        return new AiResourceView(r.Id, r.Title, r.ResourceType, r.Status, r.Prompt ?? "", r.Grade!.Value, r.LearningArea!, AreaName(r.LearningArea),
            lesson, LessonRules.TotalMinutes(lesson), r.AiProvider!, r.AiModel!, r.AiGeneratedAt!.Value, r.EditedAt, r.CreatedAt, r.UpdatedAt);
    }

    private static string AreaName(string? code) => CbcLearningAreas.ByCode(code)?.Name ?? code ?? "";
}
