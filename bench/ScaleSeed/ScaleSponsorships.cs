using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Students;
using Microsoft.AspNetCore.Identity;

namespace Elimu.Bench.ScaleSeed;

/// <summary>The sponsored children with their guardians (parent accounts) and the guardians' consent rows.</summary>
public sealed record ScaleSponsorshipRows(List<SponsoredChild> Children, List<AppUser> Parents, List<IdentityUserRole<Guid>> ParentRoles,
    List<Guardianship> Guardianships, List<SponsorshipConsent> Consents);

/// <summary>
/// Consent in every state, consistent with the child's status as the consent endpoints would leave it (ADR 0004):
/// ACTIVE, PAUSED and GRADUATED children have a standing consent; PENDING_CONSENT ones are not yet asked, waiting, declined
/// or withdrawn; a few were REMOVED. Children of programs no admin approved were never asked; those of ended programs
/// are released.
/// </summary>
public static class ScaleSponsorships
{
    private const int Table = 3;
    private static readonly string[] IpPrefixes = ["198.51.100.", "203.0.113.", "192.0.2."];
    private const string UserAgent = "Mozilla/5.0 (Linux; Android 13; TECNO KI5k) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36";

    private enum Story { NotAsked, Pending, Given, Paused, Graduated, Declined, Revoked, Removed }

    public static ScaleSponsorshipRows Build(ScaleWorld world, ScalePartnerData partner, IReadOnlyList<ScaleStudent> students)
    {
        var rows = new ScaleSponsorshipRows([], [], [], [], []);
        var (childIds, userIds, guardianIds, consentIds) = (world.Ids(Table), world.Ids(Table + 1), world.Ids(Table + 2), world.Ids(Table + 3));
        var sponsored = students.Where(s => s.Sponsored).ToList();
        var next = 0;
        for (var p = 0; p < partner.Programs.Count; p++)
        {
            var program = partner.Programs[p];
            for (var n = 0; n < partner.Sizes[p]; n++, next++)
            {
                var learner = sponsored[next];
                var rng = ScaleWorld.RngFor(Table, next);
                var story = StoryFor(program, rng);
                var child = new SponsoredChild
                {
                    Id = childIds.Next(), ProgramId = program.Id, StudentId = learner.Student.Id, PartnerId = partner.Partner.Id,
                    EnrolledAt = story == Story.NotAsked && program.ApprovedAt is not null
                        ? world.AtDaysAgo(rng, rng.Next(1, 4))
                        : program.CreatedAt.AddHours(rng.Next(1, 96)),
                    Status = story switch
                    {
                        Story.Given => SponsoredChildStatus.ACTIVE,
                        Story.Paused => SponsoredChildStatus.PAUSED,
                        Story.Graduated => SponsoredChildStatus.GRADUATED,
                        Story.Removed => SponsoredChildStatus.REMOVED,
                        _ => SponsoredChildStatus.PENDING_CONSENT,
                    },
                    ReleasedAt = ProgramLifecycle.IsEnded(program.Status) ? world.Now.AddDays(-10) : null,
                };
                rows.Children.Add(child);

                var guardians = rng.NextDouble() < 0.15 ? 2 : 1;
                for (var g = 0; g < guardians; g++)
                {
                    var parent = Guardian(world, partner, learner.Student, userIds.Next(), rows.Parents.Count + 1, g, rng);
                    rows.Parents.Add(parent);
                    rows.ParentRoles.Add(new IdentityUserRole<Guid> { UserId = parent.Id, RoleId = partner.ParentRoleId });
                    rows.Guardianships.Add(new Guardianship
                    {
                        Id = guardianIds.Next(), ParentId = parent.Id, StudentId = learner.Student.Id, IsPrimary = g == 0,
                        Relationship = g == 0 ? GuardianRelationship.mother : GuardianRelationship.father, CreatedAt = parent.CreatedAt,
                    });
                    if (story != Story.NotAsked)
                        rows.Consents.Add(Consent(world, partner, program, child, learner.Student, parent, story, g, consentIds.Next(), rng));
                }
                if (story == Story.Removed) child.RemovedAt = Min(world.Now.AddHours(-2), rows.Consents[^1].ConsentedAt!.Value.AddDays(rng.Next(5, 60)));
            }
        }
        return rows;
    }

    private static Story StoryFor(SponsorshipProgram program, Random rng)
    {
        if (program.ApprovedAt is null) return Story.NotAsked;
        return rng.NextDouble() switch
        {
            < 0.70 => Story.Given,
            < 0.74 => Story.Paused,
            < 0.76 => Story.Graduated,
            < 0.86 => Story.Pending,
            < 0.91 => Story.Declined,
            < 0.95 => Story.Revoked,
            < 0.97 => Story.Removed,
            _ => Story.NotAsked,
        };
    }

    private static AppUser Guardian(ScaleWorld world, ScalePartnerData partner, Student child, Guid id, int number, int g, Random rng)
    {
        var first = g == 0 ? ScaleStudents.Pick(rng, ScaleNames.Girls) : ScaleStudents.Pick(rng, ScaleNames.Boys);
        return ScalePartner.NewUser($"guardian{number}@scale.elimu.demo", first, child.LastName, partner.PasswordHash,
            world.AtDaysAgo(rng, ScaleWorld.Days + rng.Next(200)), rng, id);
    }

    private static SponsorshipConsent Consent(ScaleWorld world, ScalePartnerData partner, SponsorshipProgram program, SponsoredChild child,
        Student student, AppUser guardian, Story story, int g, Guid id, Random rng)
    {
        var approved = program.ApprovedAt!.Value;
        var requested = (child.EnrolledAt > approved ? child.EnrolledAt : approved).AddMinutes(rng.Next(2, 90));
        if (story == Story.Pending) requested = Max(requested, world.Now.AddDays(-rng.Next(1, 20)));
        var consent = new SponsorshipConsent
        {
            Id = id, SponsoredChildId = child.Id, ParentId = guardian.Id, RequestedAt = requested,
            ConsentText = ConsentText.Render(partner.Name, program.Name, $"{student.FirstName} {student.LastName}", guardian.FullName),
            ConsentTextVersion = ConsentText.Version,
        };
        // A second guardian of a declined child has not answered yet; otherwise both give the same answer.
        if (story == Story.Pending || (story == Story.Declined && g == 1)) return consent;
        var answered = Min(world.Now.AddHours(-1), requested.AddHours(rng.Next(2, 240) + 26 * g));
        var given = story != Story.Declined;
        (consent.ConsentGiven, consent.ConsentedAt, consent.SignedName) = (given, answered, given ? guardian.FullName : null);
        (consent.IpAddress, consent.UserAgent) = (IpPrefixes[rng.Next(IpPrefixes.Length)] + rng.Next(2, 255), UserAgent);
        if (story == Story.Revoked && g == 0)
        {
            consent.RevokedAt = Min(world.Now.AddMinutes(-30), answered.AddDays(rng.Next(3, 90)));
            consent.RevocationReason = "We would like to talk with the class teacher first.";
        }
        return consent;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
