using System.Linq.Expressions;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>
/// When a partner's sponsorship still holds a student: the child is not removed and its program has not ended. A child
/// of a completed or cancelled program stays on that program's record but may be sponsored again.
/// "Not ended" is read from the child's own <see cref="SponsoredChild.ReleasedAt"/>, which the ending sets in its own
/// transaction (<see cref="SponsoredChild.HoldsAPlaceSql"/>): so the test is the unique index's filter, and a lookup of
/// one student (or a count of the partner's places) reads that index alone, with no join to the programs.
/// </summary>
public static class SponsorshipHolds
{
    public static readonly ProgramStatus[] Ended = [ProgramStatus.COMPLETED, ProgramStatus.CANCELLED];

    public static Expression<Func<SponsoredChild, bool>> Student(Guid partnerId) =>
        c => c.PartnerId == partnerId && c.Status != SponsoredChildStatus.REMOVED && c.ReleasedAt == null;
}
