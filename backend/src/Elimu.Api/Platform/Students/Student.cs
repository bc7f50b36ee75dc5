using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Platform.Students;

/// <summary>A learner on the platform. Admission numbers are unique within a school.</summary>
public class Student
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public DateOnly DateOfBirth { get; set; }
    public Gender Gender { get; set; }
    public CbcGrade Grade { get; set; }
    public string School { get; set; } = "";
    public string County { get; set; } = "";
    public string AdmissionNumber { get; set; } = "";
    /// <summary>
    /// School and admission number as the enrollment import matches them (lower case, one line each), computed and
    /// indexed by the database so a file of 10,000 rows is 10,000 index lookups, not a scan of every student.
    /// </summary>
    public string AdmissionKey { get; private set; } = "";
    /// <summary>Support needs a sponsor may look for (e.g. "reading support").</summary>
    public List<string> LearningNeeds { get; set; } = [];
    public Guid? UserId { get; set; }
    public AppUser? User { get; set; }
    public DateTime CreatedAt { get; set; }

    public List<Guardianship> Guardianships { get; set; } = [];
}
