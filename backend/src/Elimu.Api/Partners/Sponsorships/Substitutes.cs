using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Students;

namespace Elimu.Api.Partners.Sponsorships;

/// <param name="Offered">Substitutes still on offer for children who left (<see cref="SponsorshipProgram.SubstitutesOffered"/>).</param>
/// <param name="Missing">How many children the program lacks for its minimum (0 when it holds it).</param>
/// <param name="Candidates">The best-ranked available students under the program's preferences; empty unless the program is ACTIVE and short or owed substitutes.</param>
public sealed record SubstituteOffer(int Offered, int Missing, int MinChildren, int Enrolled, IReadOnlyList<StudentPreview> Candidates);

/// <summary>
/// The substitutes offered to an ACTIVE program that children left (issue 20): the available students the program's
/// preferences rank highest (<see cref="PreferenceRanking"/>), with their reasons. Two queries for the ranking page, one
/// for the count.
/// </summary>
public sealed class Substitutes(AppDbContext db, ProgramStore store, StudentDirectory directory, IConsentOptOuts optOuts,
    PreferenceRanking ranking, TimeProvider clock)
{
    public const int Shown = 5;

    public async Task<SubstituteOffer> OfferAsync(SponsorshipProgram program, CancellationToken ct)
    {
        var enrolled = await store.EnrolledCountAsync(program.Id, ct);
        var missing = Math.Max(0, program.MinChildren - enrolled);
        if (program.Status != ProgramStatus.ACTIVE || (program.SubstitutesOffered == 0 && missing == 0))
            return new SubstituteOffer(program.SubstitutesOffered, missing, program.MinChildren, enrolled, []);
        var held = db.SponsoredChildren.Where(SponsorshipHolds.Student(program.PartnerId)).Select(c => c.StudentId);
        var excluded = new ExcludedStudents(held, optOuts.OptedOutStudentIds(clock.GetUtcNow().UtcDateTime));
        var empty = new StudentSearch(null, null, null, null, null);
        var page = await ranking.RankAsync(directory.Available(empty, excluded), program.Preferences, PageRequest.From(1, Shown), Shown, ct);
        return new SubstituteOffer(program.SubstitutesOffered, missing, program.MinChildren, enrolled, page.Items);
    }
}
