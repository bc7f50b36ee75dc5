using Elimu.Api.Data;
using Elimu.Api.Platform.Students;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>
/// A sponsored child as other sections read it in a query: a row of scalars, not the entity, so a filter, sort or page
/// composed on it still runs as one SQL query and the caller never touches <see cref="SponsoredChild"/>.
/// Settable properties (not a positional record): EF Core composes further operators only over member initialisers.
/// </summary>
public sealed class SponsoredChildRow
{
    public Guid Id { get; init; }
    public Guid StudentId { get; init; }
    public Guid PartnerId { get; init; }
    public Guid ProgramId { get; init; }
    public string ProgramName { get; init; } = "";
    public SponsoredChildStatus Status { get; init; }
    public DateTime EnrolledAt { get; init; }
    public DateTime? RemovedAt { get; init; }
    public DateTime? ReleasedAt { get; init; }
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    public CbcGrade Grade { get; init; }
    public string County { get; init; } = "";
    public string School { get; init; } = "";
}

/// <summary>
/// One sponsored child with what its views show: the student (as read by <see cref="SponsoredChildReader.FindAsync"/>, only its
/// names, grade, county, school and date of birth), the program's name and state, the partner's goals.
/// </summary>
public sealed record SponsoredChildDetails(Guid Id, Guid StudentId, Guid ProgramId, string ProgramName, ProgramStatus ProgramStatus,
    SponsoredChildStatus Status, DateTime EnrolledAt, string? Notes, IReadOnlyList<ChildGoal> PartnerGoals,
    IReadOnlyList<AiMilestone> AiMilestones, Student Student);

/// <summary>A sponsored child with the goals its partner set, for views that read many children at once.</summary>
public sealed record ChildWithGoals(Guid Id, Guid StudentId, Guid ProgramId, string FirstName, DateTime EnrolledAt, IReadOnlyList<ChildGoal> Goals);

/// <summary>Sponsorships' answer to the sections that show a partner its children (ChildData): reads, and the goals write.</summary>
public sealed class SponsoredChildReader(AppDbContext db)
{
    /// <summary>Every child of the partner (removed ones included), as composable rows.</summary>
    public IQueryable<SponsoredChildRow> OfPartner(Guid partnerId) => db.SponsoredChildren.Where(c => c.PartnerId == partnerId)
        .Select(c => new SponsoredChildRow
        {
            Id = c.Id, StudentId = c.StudentId, PartnerId = c.PartnerId, ProgramId = c.ProgramId, ProgramName = c.Program!.Name,
            Status = c.Status, EnrolledAt = c.EnrolledAt, RemovedAt = c.RemovedAt, ReleasedAt = c.ReleasedAt, FirstName = c.StudentFirstName,
            LastName = c.Student!.LastName, Grade = c.StudentGrade, County = c.Student.County, School = c.Student.School,
        });

    /// <summary>
    /// The partner's child, or null for an unknown id or another partner's child, whether it is among
    /// <paramref name="visible"/> (the consent gate's composable ids) and whether its program is among
    /// <paramref name="pausedPrograms"/> (billing's composable ids): one query, so a child view's gate and lookup cost one
    /// round trip. Not tracked: a read never saves it, and the goals write loads its own.
    /// </summary>
    public async Task<(SponsoredChildDetails Child, bool Visible, bool InPausedProgram)?> FindAsync(Guid partnerId, Guid sponsoredChildId,
        IQueryable<Guid> visible, IQueryable<Guid> pausedPrograms, CancellationToken ct)
    {
        // Any(id == c.Id), not Contains: a correlated EXISTS seeks this one child, where IN would list every visible child first.
        // Only the columns the views use, not the three entities: every child view runs this first, and on SQLite the
        // statement is prepared anew each time, so its width is paid per request. The connection stays open for the
        // view's next queries (the context closes it when the request ends) instead of a pool round trip per query.
        await db.Database.OpenConnectionAsync(ct);
        var row = await db.SponsoredChildren.AsNoTracking().Where(c => c.Id == sponsoredChildId && c.PartnerId == partnerId)
            .Select(c => new
            {
                c.Id, c.StudentId, c.ProgramId, ProgramName = c.Program!.Name, ProgramStatus = c.Program.Status, c.Status, c.EnrolledAt,
                c.Notes, c.PartnerGoals, c.AiMilestones, c.Student!.FirstName, c.Student.LastName, c.Student.Grade, c.Student.County,
                c.Student.School, c.Student.DateOfBirth, Visible = visible.Any(id => id == c.Id),
                InPausedProgram = pausedPrograms.Any(id => id == c.ProgramId),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var student = new Student
        {
            Id = row.StudentId, FirstName = row.FirstName, LastName = row.LastName, Grade = row.Grade, County = row.County,
            School = row.School, DateOfBirth = row.DateOfBirth,
        };
        return (new SponsoredChildDetails(row.Id, row.StudentId, row.ProgramId, row.ProgramName, row.ProgramStatus, row.Status, row.EnrolledAt,
            row.Notes, row.PartnerGoals, row.AiMilestones, student), row.Visible, row.InPausedProgram);
    }

    /// <summary>
    /// The partner's children among <paramref name="childIds"/> (a composable query) with their first name, enrolment and
    /// goals: one query for any number of children (progress letters read a whole program at once).
    /// </summary>
    public Task<List<ChildWithGoals>> WithGoalsAsync(Guid partnerId, IQueryable<Guid> childIds, CancellationToken ct) =>
        db.SponsoredChildren.AsNoTracking().Where(c => c.PartnerId == partnerId && childIds.Contains(c.Id))
            .OrderBy(c => c.StudentFirstName).ThenBy(c => c.Id)
            .Select(c => new ChildWithGoals(c.Id, c.StudentId, c.ProgramId, c.StudentFirstName, c.EnrolledAt, c.PartnerGoals))
            .ToListAsync(ct);

    /// <summary>Replaces the partner's goals for one of its children (already validated) and saves.</summary>
    public async Task<SponsoredChildDetails> ReplaceGoalsAsync(Guid partnerId, Guid sponsoredChildId, List<ChildGoal> goals, CancellationToken ct)
    {
        var child = await db.SponsoredChildren.Include(c => c.Student).Include(c => c.Program)
            .FirstAsync(c => c.Id == sponsoredChildId && c.PartnerId == partnerId, ct);
        child.PartnerGoals = goals;
        await db.SaveChangesAsync(ct);
        return Describe(child);
    }

    private static SponsoredChildDetails Describe(SponsoredChild c) => new(c.Id, c.StudentId, c.ProgramId, c.Program!.Name, c.Program.Status,
        c.Status, c.EnrolledAt, c.Notes, c.PartnerGoals, c.AiMilestones, c.Student!);
}
