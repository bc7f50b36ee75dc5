using System.Linq.Expressions;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>
/// When a partner's sponsorship still holds a student: the child is not removed and its program has not ended. A child
/// of a completed or cancelled program stays on that program's record but may be sponsored again.
/// </summary>
public static class SponsorshipHolds
{
    public static readonly ProgramStatus[] Ended = [ProgramStatus.COMPLETED, ProgramStatus.CANCELLED];

    public static Expression<Func<SponsoredChild, bool>> Student(Guid partnerId) =>
        c => c.PartnerId == partnerId && c.Status != SponsoredChildStatus.REMOVED && !Ended.Contains(c.Program!.Status);
}
