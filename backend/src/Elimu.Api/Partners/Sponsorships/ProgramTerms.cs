namespace Elimu.Api.Partners.Sponsorships;

/// <summary>
/// A program's terms as a guardian is told them (name, description, type, dates, goal titles), with what decides whether
/// guardians may be asked at all (its status and minimum). What Consent copies into a request's snapshot.
/// </summary>
public sealed record ProgramTerms(Guid Id, Guid PartnerId, string Name, string? Description, ProgramType ProgramType,
    DateOnly? StartDate, DateOnly? EndDate, IReadOnlyList<string> GoalTitles, ProgramStatus Status, int MinChildren)
{
    internal static ProgramTerms Of(SponsorshipProgram p) => new(p.Id, p.PartnerId, p.Name, p.Description, p.ProgramType,
        p.StartDate, p.EndDate, p.Goals.Select(g => g.Title).ToList(), p.Status, p.MinChildren);
}
