using Elimu.Api.Common;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Notifications;

namespace Elimu.Api.Data.Seeding;

/// <summary>
/// One consent row per guardian asked, holding the exact text the product shows (<see cref="ConsentText"/>)
/// and its version and, once answered, the typed signature, IP address and browser. Notifications and
/// audit rows are worded as the consent endpoints write them, so seeded history looks like real use.
/// </summary>
internal static class DemoConsents
{
    public const string ParentConsentsLink = "/dashboard/parent/consents";

    // Addresses from the documentation ranges (RFC 5737): realistic in shape, nobody's real address.
    private static readonly string[] IpPrefixes = ["198.51.100.", "203.0.113.", "192.0.2."];

    private static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Linux; Android 13; TECNO KI5k) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36",
        "Mozilla/5.0 (Linux; Android 12; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.6312.99 Mobile Safari/537.36",
        "Mozilla/5.0 (Linux; Android 11; itel A663L) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.6261.119 Mobile Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
    ];

    public static void Build(DemoWorld world, DemoPrograms programs)
    {
        foreach (var program in programs.All)
        foreach (var sponsorship in program.Children.Where(c => c.Story != ConsentStory.NotRequested))
        {
            var child = sponsorship.Learner.Student;
            Audit(world, program.Partner.Id, "consent.request", "sponsored_child", sponsorship.Child.Id, sponsorship.RequestedAt);
            for (var g = 0; g < sponsorship.Learner.Guardians.Count; g++)
            {
                var guardian = sponsorship.Learner.Guardians[g].User;
                var consent = new SponsorshipConsent
                {
                    SponsoredChildId = sponsorship.Child.Id, ParentId = guardian.Id, RequestedAt = sponsorship.RequestedAt,
                    ConsentText = ConsentText.Render(program.PartnerName, program.Program.Name, sponsorship.Learner.FullName, guardian.FullName),
                    ConsentTextSw = ConsentText.Render(Language.sw, program.PartnerName, program.Program.Name, sponsorship.Learner.FullName, guardian.FullName),
                    ConsentTextVersion = ConsentText.Version,
                    Shown = new ConsentProgramSnapshot
                    {
                        PartnerName = program.PartnerName, ProgramName = program.Program.Name, ProgramDescription = program.Program.Description,
                        ProgramType = program.Program.ProgramType.ToString(), StartDate = program.Program.StartDate,
                        EndDate = program.Program.EndDate, Goals = program.Program.Goals.Select(g => g.Title).ToList(),
                    },
                };
                if (sponsorship.AnsweredAt is { } answered)
                {
                    var given = sponsorship.Story != ConsentStory.Declined;
                    var second = answered.AddHours(26); // a second guardian answers a day or so later
                    consent.ConsentGiven = given;
                    consent.ConsentedAt = g == 0 ? answered : second < world.Now.AddHours(-1) ? second : answered.AddMinutes(30);
                    consent.SignedName = given ? guardian.FullName : null;
                    // Second guardians answer in Kiswahili, so the partner's views show both languages (no random draw:
                    // the rest of the seed's story stays as it was).
                    consent.SignedLanguage = g % 2 == 1 ? Language.sw : Language.en;
                    consent.SignedTextSha256 = ConsentText.Sha256(consent.TextIn(consent.SignedLanguage.Value)!);
                    consent.IpAddress = world.Pick(IpPrefixes) + world.Between(2, 254);
                    consent.UserAgent = world.Pick(UserAgents);
                    consent.RevokedAt = sponsorship.RevokedAt;
                    consent.RevocationReason = sponsorship.RevocationReason;
                    Audit(world, guardian.Id, given ? "consent.give" : "consent.decline", "sponsorship_consent", consent.Id,
                        consent.ConsentedAt.Value, AnswerConsent.SignedDetail(consent), consent.IpAddress);
                    if (consent.RevokedAt is { } revoked)
                        Audit(world, guardian.Id, "consent.revoke", "sponsorship_consent", consent.Id, revoked, consent.RevocationReason, consent.IpAddress);
                }
                world.Db.SponsorshipConsents.Add(consent);
                world.Db.Notifications.Add(new Notification
                {
                    UserId = guardian.Id, Category = NotificationCategory.consent, Link = $"{ParentConsentsLink}/{consent.Id}", CreatedAt = consent.RequestedAt,
                    Title = $"{program.PartnerName} asks to follow {child.FirstName}'s learning",
                    Body = $"{program.PartnerName} sponsors {child.FirstName} through \"{program.Program.Name}\". Read what they would see, then agree or decline.",
                    ReadAt = consent.ConsentedAt?.AddMinutes(-3),
                });
            }
            NotifyPartner(world, program, sponsorship);
        }
    }

    /// <summary>The partner's notifications about answers from the last three weeks (older ones were cleared).</summary>
    private static void NotifyPartner(DemoWorld world, DemoProgram program, DemoSponsorship sponsorship)
    {
        var name = sponsorship.Learner.Student.FirstName;
        var (at, title, body) = sponsorship switch
        {
            { RevokedAt: { } revoked } => (revoked, $"Consent withdrawn for {name}", "The guardian withdrew consent; this child's data is hidden from now on."),
            { Story: ConsentStory.Declined, AnsweredAt: { } declined } => (declined, $"Consent declined for {name}", "The guardian declined; the child's data stays hidden."),
            { AnsweredAt: { } given } => (given, $"Consent given for {name}", "You can now follow this child's learning."),
            _ => (DateTime.MinValue, "", ""),
        };
        if (world.DaysAgoOf(at) > 21) return;
        world.Db.Notifications.Add(new Notification
        {
            UserId = program.Partner.Id, Category = NotificationCategory.consent, Title = title, Body = body, CreatedAt = at,
            Link = $"/dashboard/partner/sponsored-children/{sponsorship.Child.Id}",
            ReadAt = world.DaysAgoOf(at) > 5 ? at.AddHours(world.Between(1, 20)) : null,
        });
    }

    public static void Audit(DemoWorld world, Guid userId, string action, string entityType, Guid entityId, DateTime at,
        string? details = null, string? ip = null) =>
        world.Db.AuditLog.Add(new AuditLogEntry
        {
            UserId = userId, Action = action, EntityType = entityType, EntityId = entityId.ToString(), At = at, Details = details,
            IpAddress = ip ?? world.Pick(IpPrefixes) + world.Between(2, 254),
        });
}
