using Elimu.Api.Data;
using Elimu.Api.Partners.Sponsorships;

namespace Elimu.Api.Partners.Consent;

/// <summary>A guardian's request with the enrolment it is about (read through Sponsorships' rows) and the names it shows.</summary>
internal sealed class OwnRequest
{
    /// <summary>The row itself, tracked: an answer or a withdrawal writes it.</summary>
    public SponsorshipConsent Consent { get; init; } = null!;
    public EnrolmentRow Child { get; init; } = null!;
    public string ChildFirstName { get; init; } = "";
    public string ChildLastName { get; init; } = "";
    public string ParentFirstName { get; init; } = "";
    public string ParentLastName { get; init; } = "";
}

internal static class OwnRequests
{
    /// <summary>
    /// The guardian's requests made once an admin had approved their program: the only kind a guardian sees or answers.
    /// A request made before the approval (or for a program never approved) is not there at all. Composable.
    /// </summary>
    public static IQueryable<OwnRequest> Of(AppDbContext db, EnrolmentReader enrolments, Guid parentId) =>
        from k in db.SponsorshipConsents
        where k.ParentId == parentId
        join c in enrolments.All() on k.SponsoredChildId equals c.Id
        where c.ProgramApprovedAt != null && k.RequestedAt >= c.ProgramApprovedAt
        join s in db.Students on c.StudentId equals s.Id
        select new OwnRequest
        {
            Consent = k, Child = c, ChildFirstName = s.FirstName, ChildLastName = s.LastName,
            ParentFirstName = k.Parent!.FirstName, ParentLastName = k.Parent.LastName,
        };
}
