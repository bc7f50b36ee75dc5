using Elimu.Api.Platform.Identity;

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
    public ResourceStatus Status { get; set; } = ResourceStatus.pending_review;
    public bool BrandingApplied { get; set; }
    public Guid? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public int UsageCount { get; set; }
    /// <summary>Programs whose children may use the resource.</summary>
    public List<Guid> TargetPrograms { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public enum ResourceType { lesson, material, video, document }

public enum ResourceStatus { pending_review, approved, rejected }
