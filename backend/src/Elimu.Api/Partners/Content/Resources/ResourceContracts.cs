namespace Elimu.Api.Partners.Content.Resources;

public static class ResourceLimits
{
    public const int TitleLength = 200;
    public const int DescriptionLength = 4_000;
    public const int FileNameLength = 200;
    public const int ReasonLength = 2_000;
    public const int MaxTargetPrograms = 100;
}

/// <summary>A program the resource is meant for, by name.</summary>
public sealed record ResourceProgram(Guid Id, string Name);

/// <summary>
/// A contributed resource as its partner (and the reviewer) sees it. <c>format</c> is what the file's content proved
/// (<c>pdf</c>, <c>docx</c>, <c>pptx</c>, <c>xlsx</c>, <c>mp4</c>, <c>mp3</c>, <c>png</c>, <c>jpg</c>), null for a generated
/// lesson, which has no file (<c>aiGenerated</c>). <c>rejectionReason</c> is the reviewer's, while it is rejected.
/// </summary>
public sealed record ResourceView(
    Guid Id, string Title, string? Description, ResourceType ResourceType, ResourceStatus Status, string? Format, string? FormatLabel,
    string? OriginalFileName, long? FileSize, string? MimeType, string? FileUrl, bool BrandingApplied, int UsageCount,
    IReadOnlyList<ResourceProgram> TargetPrograms, string? RejectionReason, DateTime? ReviewedAt, bool AiGenerated,
    DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>What a partner may change after the upload; null leaves a field as it is. A rejected resource goes back to review.</summary>
public sealed record UpdateResourceRequest(string? Title, string? Description, ResourceType? ResourceType, List<Guid>? TargetPrograms);

/// <summary>A resource in the review queue, with the partner who contributed it and the file's SHA-256.</summary>
public sealed record ReviewResourceView(ResourceView Resource, Guid PartnerId, string PartnerName, string? Sha256);

public sealed record RejectResourceRequest(string? Reason);
