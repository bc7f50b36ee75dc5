using Elimu.Api.Partners.Sponsorships;

namespace Elimu.Api.Partners.Consent;

/// <summary>The children a consent request targets, their guardians, and which (child, guardian) pairs already have an open request.</summary>
internal sealed record ConsentPlan(
    List<SponsoredChild> Children,
    List<ConsentPlan.Guardian> Guardians,
    HashSet<(Guid ChildId, Guid ParentId)> Open,
    string PartnerName)
{
    internal sealed record Guardian(Guid StudentId, Guid ParentId, string Name);

    public List<Guardian> GuardiansOf(SponsoredChild child) => Guardians.Where(g => g.StudentId == child.StudentId).ToList();

    public bool IsOpen(SponsoredChild child, Guardian guardian) => Open.Contains((child.Id, guardian.ParentId));
}
