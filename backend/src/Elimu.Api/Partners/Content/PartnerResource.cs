using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Students;

namespace Elimu.Api.Partners.Content;

/// <summary>Material a partner contributes; admins review it before learners see it.</summary>
public class PartnerResource
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public AppUser? Partner { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public ResourceType ResourceType { get; set; }
    public string? FileUrl { get; set; }
    public long? FileSize { get; set; }
    public string? MimeType { get; set; }
    /// <summary>The file's name as the partner's computer called it, made safe: shown and offered as the download's name, never used as a path.</summary>
    public string? OriginalFileName { get; set; }
    /// <summary>The generated name of the file under the uploads root (<see cref="Resources.ResourceStorage"/>); null for generated lessons.</summary>
    public string? StoredFileName { get; set; }
    /// <summary>SHA-256 of the stored bytes (after branding), hex.</summary>
    public string? Sha256 { get; set; }
    public ResourceStatus Status { get; set; } = ResourceStatus.pending_review;
    public bool BrandingApplied { get; set; }
    public Guid? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    /// <summary>Why the reviewer rejected it, shown to the partner; cleared when the partner sends it back for review.</summary>
    public string? RejectionReason { get; set; }
    public int UsageCount { get; set; }
    /// <summary>Programs whose children may use the resource.</summary>
    public List<Guid> TargetPrograms { get; set; } = [];
    /// <summary>What the partner asked the content generator for; null for uploaded material.</summary>
    public string? Prompt { get; set; }
    public CbcGrade? Grade { get; set; }
    /// <summary>The CBC learning area's code (<see cref="Platform.Learning.CbcLearningAreas"/>).</summary>
    public string? LearningArea { get; set; }
    /// <summary>A generated lesson's structured fields as JSON (<see cref="Generation.GeneratedLesson"/>), as last edited.</summary>
    public string? LessonJson { get; set; }
    /// <summary>The provider, model and time of the generation, shown with the resource.</summary>
    public string? AiProvider { get; set; }
    public string? AiModel { get; set; }
    public DateTime? AiGeneratedAt { get; set; }
    /// <summary>When the partner last changed the generated lesson; null while it is as generated.</summary>
    public DateTime? EditedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum ResourceType { lesson, material, video, document }

/// <summary>A draft is the partner's own (generated or being written); submitting it puts it in the review queue.</summary>
public enum ResourceStatus { pending_review, approved, rejected, draft }
