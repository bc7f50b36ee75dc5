using Elimu.Api.Partners.Collaboration;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Support;

namespace Elimu.Api.Data.Seeding;

/// <summary>
/// Everything around the numbers: impact reports, support tickets, messages, meetings, resources and
/// the notifications that point to them.
/// </summary>
internal static class DemoEngagement
{
    public static void Build(DemoWorld world, DemoPeople people, DemoPrograms programs, DemoCourses courses, IReadOnlyList<PartnerPayment> payments)
    {
        var reports = DemoImpactReports.Build(world, programs, courses, payments);
        var tickets = Tickets(world, people, payments);
        var collaboration = DemoCollaboration.Build(world, people, programs);
        DemoNotifications.Build(world, people, programs, reports, tickets, collaboration);
    }

    private static IReadOnlyList<PartnerTicket> Tickets(DemoWorld world, DemoPeople people, IReadOnlyList<PartnerPayment> payments)
    {
        var duplicate = payments.Single(p => p.Status == PaymentStatus.refunded);
        var refundedAt = duplicate.GatewayResponse.ReceivedAt!.Value;
        var partner = people.Partner.Id;
        var staff = people.Staff.Id;

        PartnerTicket Ticket(Guid partnerId, string subject, string description, string category, TicketPriority priority,
            TicketStatus status, DateTime created, Guid? assignedTo = null, TicketPriority? aiPriority = null, string? aiCategory = null)
        {
            var ticket = new PartnerTicket
            {
                PartnerId = partnerId, Subject = subject, Description = description, Category = category, Priority = priority,
                Status = status, AssignedTo = assignedTo, AiTriageCategory = aiCategory ?? category, AiTriagePriority = aiPriority ?? priority,
                CreatedAt = created, UpdatedAt = created,
            };
            world.Db.PartnerTickets.Add(ticket);
            return ticket;
        }

        var charged = Ticket(partner, "Charged twice for last month's renewal",
            $"Our finance team sees two payments for the same month: M-Pesa and PayPal ({duplicate.InvoiceNumber}). Please refund one.",
            "billing", TicketPriority.high, TicketStatus.resolved, duplicate.PaidAt!.Value.AddHours(5), staff);
        charged.Resolution = $"The PayPal payment {duplicate.InvoiceNumber} was refunded in full; the M-Pesa payment covers the period. "
            + "PayPal shows the refund within 5 working days.";
        (charged.ResolvedAt, charged.UpdatedAt) = (refundedAt, refundedAt);

        var logo = Ticket(partner, "Logo upload fails for PNG files over 2 MB",
            "Uploading our new logo (2.6 MB PNG) on the profile page shows \"Upload failed\". Screenshot attached.",
            "technical", TicketPriority.low, TicketStatus.closed, world.AtDaysAgo(40), staff, aiCategory: "bug");
        logo.Attachments = [new Attachment { FileName = "upload-error.png", Url = "https://cdn.elimu.demo/tickets/upload-error.png", SizeBytes = 184_320, MimeType = "image/png" }];
        logo.Resolution = "The limit for logos is now 5 MB. Your logo uploaded fine after the change.";
        (logo.ResolvedAt, logo.UpdatedAt) = (world.AtDaysAgo(37), world.AtDaysAgo(36));

        var reminders = Ticket(partner, "Can guardians get an SMS reminder for consent requests?",
            "Faith O.'s mother has not yet answered the consent request we sent for her. Many of our parents rarely open "
            + "email; could Elimu send an SMS reminder?", "consent", TicketPriority.medium, TicketStatus.in_progress, world.AtDaysAgo(3), staff);
        reminders.UpdatedAt = world.AtDaysAgo(2);

        Ticket(partner, "Add the county to the children export",
            "When we export sponsored children to Excel we would like a county column, for our board's regional breakdown.",
            "feature_request", TicketPriority.low, TicketStatus.open, world.AtDaysAgo(8));

        Ticket(partner, "Girls in STEM needs approval before the term starts",
            "We submitted Girls in STEM Direct Sponsorship yesterday. The term starts in two weeks and the mentors are booked; "
            + "could the review be done this week?", "sponsorship", TicketPriority.urgent, TicketStatus.open, world.AtDaysAgo(2, 9, 12),
            aiPriority: TicketPriority.high);

        Ticket(people.Partner2.Id, "Invoices should show our KRA PIN",
            "Our auditors need the KRA PIN P052345678Y on every invoice. Can this be added to our invoices?",
            "billing", TicketPriority.medium, TicketStatus.open, world.AtDaysAgo(6), staff);

        return [charged, logo, reminders];
    }
}
