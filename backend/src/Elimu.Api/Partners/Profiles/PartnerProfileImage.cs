namespace Elimu.Api.Partners.Profiles;

/// <summary>
/// A partner's logo or banner, re-encoded on upload (<see cref="ProfileImageInspector"/>). Kept in the database rather than
/// under data/: every instance of the API serves the same picture without shared storage, and a backup of the database
/// holds the whole profile. Pictures are small (at most <see cref="ProfileImageRules.MaxBytes"/>), one of each kind per partner.
/// </summary>
public class PartnerProfileImage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerProfileId { get; set; }
    public ProfileImageKind Kind { get; set; }
    /// <summary>image/png, image/jpeg or image/webp: what the bytes are, as re-encoded.</summary>
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public int Width { get; set; }
    public int Height { get; set; }
    /// <summary>A hash of <see cref="Content"/>: the HTTP ETag, and the version in the profile's logo URL.</summary>
    public string ETag { get; set; } = "";
    public Guid UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}
