using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Platform.Students;

/// <summary>Links a parent account to a student they are responsible for.</summary>
public class Guardianship
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ParentId { get; set; }
    public AppUser? Parent { get; set; }
    public Guid StudentId { get; set; }
    public Student? Student { get; set; }
    public GuardianRelationship Relationship { get; set; }
    public bool IsPrimary { get; set; }
    public DateTime CreatedAt { get; set; }
}
