using Elimu.Api.Platform.Students;

namespace Elimu.Api.Platform.Learning;

/// <summary>A teacher's rating of one core competency on one assessment date (1 = BE … 4 = EE).</summary>
public class CompetencyScore
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StudentId { get; set; }
    public Student? Student { get; set; }
    public CoreCompetency Competency { get; set; }
    public decimal Score { get; set; }
    public DateOnly AssessedOn { get; set; }
}
