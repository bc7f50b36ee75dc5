using Elimu.Api.Partners.Sponsorships;

namespace Elimu.Api.Partners.Consent;

/// <summary>
/// The program a consent request is about, the children it targets, their guardians, and which (child, guardian) pairs
/// already have an open request (unanswered and not expired, or a consent that stands), and the children asked too
/// recently to be asked again (<see cref="TooSoon"/>: the date it becomes possible).
/// </summary>
internal sealed record ConsentPlan(
    ProgramTerms Program,
    List<ConsentPlan.Child> Children,
    List<ConsentPlan.Guardian> Guardians,
    HashSet<(Guid ChildId, Guid ParentId)> Open,
    string PartnerName,
    Dictionary<Guid, DateTime> TooSoon)
{
    internal sealed record Child(Guid Id, Guid StudentId, string FirstName, string LastName);

    internal sealed record Guardian(Guid StudentId, Guid ParentId, string Name);

    public List<Guardian> GuardiansOf(Child child) => Guardians.Where(g => g.StudentId == child.StudentId).ToList();

    public bool IsOpen(Child child, Guardian guardian) => Open.Contains((child.Id, guardian.ParentId));

    /// <summary>When the child's guardians may be asked again, for a child asked too recently (ConsentRequestOptions.ReaskDays); else null.</summary>
    public DateTime? AskAgainFrom(Child child) => TooSoon.TryGetValue(child.Id, out var from) ? from : null;
}
