using Elimu.Api.Partners.Analytics;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Partners.Support;
using Elimu.Api.Platform.Notifications;
using static System.FormattableString;

namespace Elimu.Api.Data.Seeding;

/// <summary>
/// The notifications that are not about consent (DemoConsents adds those) for the partner, the admin
/// and staff, with links into the dashboards, and the audit trail of program submissions and approvals.
/// </summary>
internal static class DemoNotifications
{
    public static void Build(DemoWorld world, DemoPeople people, DemoPrograms programs, IReadOnlyList<PartnerImpactReport> reports,
        IReadOnlyList<PartnerTicket> tickets, DemoCollaborationResult collaboration)
    {
        var notifications = new List<Notification>();
        void Notify(Guid userId, NotificationCategory category, string title, string body, string link, DateTime at, bool read) =>
            notifications.Add(new Notification
            {
                UserId = userId, Category = category, Title = title, Body = body, Link = link, CreatedAt = at,
                ReadAt = read ? at.AddMinutes(world.Between(5, 240)) : null,
            });

        var partner = people.Partner.Id;
        var cohort = programs.Cohort.Program;
        var quiet = programs.Cohort.Children.Count(c => c.HasConsent && c.Learner.Pattern == LearnerPattern.Inactive);

        Notify(partner, NotificationCategory.program, $"{cohort.Name} approved", "Your program is active; guardians' answers to the consent requests appear as they come in.",
            $"/dashboard/partner/sponsorships/{cohort.Id}", cohort.ApprovedAt!.Value, read: true);
        Notify(partner, NotificationCategory.ticket, $"Ticket resolved: {tickets[0].Subject}", tickets[0].Resolution!, "/dashboard/partner/tickets", tickets[0].ResolvedAt!.Value, read: true);
        Notify(partner, NotificationCategory.report, "Your termly impact report is ready", reports[0].Title, "/dashboard/partner/impact-reports", reports[0].GeneratedAt, read: true);
        Notify(partner, NotificationCategory.payment, "M-Pesa payment did not go through",
            "The renewal request to your M-Pesa line timed out. We sent a new request; approve it on your phone.",
            "/dashboard/partner/funding", world.At(world.Day(1), 9, 5), read: true);
        Notify(partner, NotificationCategory.child_alert, $"{quiet} children need attention",
            $"{quiet} children in {cohort.Name} have had no learning activity for more than a week.",
            "/dashboard/partner/sponsored-children", world.Now.AddHours(-3), read: false);
        Notify(partner, NotificationCategory.message, $"New message from {people.Staff.FullName}", collaboration.LatestReply.Subject,
            "/dashboard/partner/collaboration", collaboration.LatestReply.CreatedAt, read: false);
        var meeting = collaboration.NextMeeting;
        Notify(partner, NotificationCategory.message, $"Meeting scheduled: {meeting.Title}",
            Invariant($"{meeting.ScheduledAt + DemoWorld.NairobiOffset:dddd d MMMM, HH:mm} Nairobi time. Add it to your calendar from the collaboration page."),
            "/dashboard/partner/collaboration", meeting.CreatedAt, read: false);
        Notify(partner, NotificationCategory.report, "Your monthly impact report is ready", reports[1].Title, "/dashboard/partner/impact-reports", reports[1].GeneratedAt, read: false);

        var direct = programs.Direct.Program;
        Notify(people.Admin.Id, NotificationCategory.program, $"Program awaiting approval: {direct.Name}",
            $"{DemoPartnerProfiles.PartnerName} submitted a direct program with {programs.Direct.Children.Count} children.",
            "/dashboard/admin/sponsorship-programs", direct.UpdatedAt, read: false);
        Notify(people.Admin.Id, NotificationCategory.system, $"Resource awaiting review: {collaboration.ResourceInReview.Title}",
            $"{DemoPartnerProfiles.PartnerName} contributed a video lesson.", "/dashboard/admin/resource-reviews",
            collaboration.ResourceInReview.CreatedAt, read: false);
        Notify(people.Staff.Id, NotificationCategory.ticket, $"Ticket assigned to you: {tickets[2].Subject}", $"From {DemoPartnerProfiles.PartnerName}.",
            "/dashboard/admin/tickets", tickets[2].CreatedAt.AddMinutes(20), read: true);
        Notify(people.Partner2.Id, NotificationCategory.program, $"{programs.Partner2Cohort.Program.Name} approved", "Your program is active.",
            $"/dashboard/partner/sponsorships/{programs.Partner2Cohort.Program.Id}", programs.Partner2Cohort.Program.ApprovedAt!.Value, read: true);
        world.Db.Notifications.AddRange(notifications);

        // The program history as the sponsorship endpoints record it.
        foreach (var program in programs.All)
        {
            var p = program.Program;
            var firstAdded = program.Children.Min(c => c.Child.EnrolledAt);
            DemoConsents.Audit(world, program.Partner.Id, "program.children.add", "sponsorship_program", p.Id, firstAdded,
                $"{program.Children.Count(c => c.Child.EnrolledAt < firstAdded.AddDays(3))} children");
            if (p.Status == ProgramStatus.DRAFT) continue;
            var submitted = p.ApprovedAt?.AddDays(-1) ?? p.UpdatedAt;
            DemoConsents.Audit(world, program.Partner.Id, "program.submit", "sponsorship_program", p.Id, submitted, "DRAFT -> PENDING_APPROVAL");
            if (p.ApprovedAt is { } approved)
                DemoConsents.Audit(world, people.Admin.Id, "program.approve", "sponsorship_program", p.Id, approved, "PENDING_APPROVAL -> ACTIVE");
        }
    }
}
