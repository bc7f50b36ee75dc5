using Elimu.Api.Data;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>
/// A sponsored child's enrolment as a query row: whose it is, the program it is in and that program's state. Scalars
/// only (no student columns), so the privacy gate composed on it reads sponsored_children and sponsorship_programs and
/// nothing more. Settable properties: EF Core composes further operators only over member initialisers.
/// </summary>
public sealed class EnrolmentRow
{
    public Guid Id { get; init; }
    public Guid StudentId { get; init; }
    public Guid PartnerId { get; init; }
    public Guid ProgramId { get; init; }
    public SponsoredChildStatus Status { get; init; }
    public DateTime EnrolledAt { get; init; }
    public ProgramStatus ProgramStatus { get; init; }
    /// <summary>When an admin approved the program; null while it never was.</summary>
    public DateTime? ProgramApprovedAt { get; init; }
}

/// <summary>
/// Sponsorships' read answer to Consent: the enrolments that consent records are about, as composable rows, so the gate,
/// the counts and the parent's inbox stay one SQL query each without naming <see cref="SponsoredChild"/>.
/// </summary>
public sealed class EnrolmentReader(AppDbContext db)
{
    /// <summary>Every enrolment of every partner (removed ones included): the parent's side reads across partners.</summary>
    public IQueryable<EnrolmentRow> All() => db.SponsoredChildren.Select(c => new EnrolmentRow
    {
        Id = c.Id, StudentId = c.StudentId, PartnerId = c.PartnerId, ProgramId = c.ProgramId, Status = c.Status,
        EnrolledAt = c.EnrolledAt, ProgramStatus = c.Program!.Status, ProgramApprovedAt = c.Program.ApprovedAt,
    });

    /// <summary>The partner's enrolments (removed ones included).</summary>
    public IQueryable<EnrolmentRow> OfPartner(Guid partnerId) => All().Where(c => c.PartnerId == partnerId);
}
