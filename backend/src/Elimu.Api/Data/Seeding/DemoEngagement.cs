using Elimu.Api.Partners.Collaboration;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Shared;
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
        DemoCustomReports.Build(world, programs);
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

        PartnerTicket Ticket(Guid partnerId, string subject, string description, TicketCategory category, TicketPriority priority,
            TicketStatus status, DateTime created, Guid? assignedTo = null, TicketPriority? aiPriority = null, TicketCategory? aiCategory = null)
        {
            var ticket = new PartnerTicket
            {
                PartnerId = partnerId, Subject = subject, Description = description, Category = category, Priority = priority,
                Status = status, AssignedTo = assignedTo, AiTriageCategory = aiCategory ?? category, AiTriagePriority = aiPriority ?? priority,
                // The demo's suggestions are the offline classifier's kind: the Offline provider and its model.
                AiTriageSource = "offline", AiTriageModel = "elimu-offline-1", OpenedBy = partnerId,
                CreatedAt = created, UpdatedAt = created,
            };
            world.Db.PartnerTickets.Add(ticket);
            return ticket;
        }

        var charged = Ticket(partner, "Charged twice for last month's renewal",
            $"Our finance team sees two payments for the same month: M-Pesa and PayPal ({duplicate.InvoiceNumber}). Please refund one.",
            TicketCategory.billing, TicketPriority.high, TicketStatus.resolved, duplicate.PaidAt!.Value.AddHours(5), staff);
        charged.Resolution = $"The PayPal payment {duplicate.InvoiceNumber} was refunded in full; the M-Pesa payment covers the period. "
            + "PayPal shows the refund within 5 working days.";
        (charged.ResolvedAt, charged.UpdatedAt) = (refundedAt, refundedAt);

        var logo = Ticket(partner, "Logo upload fails for PNG files over 2 MB",
            "Uploading our new logo (2.6 MB PNG) on the profile page shows \"Upload failed\". Screenshot attached.",
            TicketCategory.technical, TicketPriority.low, TicketStatus.closed, world.AtDaysAgo(40), staff, aiCategory: TicketCategory.account);
        logo.Resolution = "The limit for logos is now 5 MB. Your logo uploaded fine after the change.";
        (logo.ResolvedAt, logo.UpdatedAt) = (world.AtDaysAgo(37), world.AtDaysAgo(36));

        var reminders = Ticket(partner, "Can guardians get an SMS reminder for consent requests?",
            "Faith O.'s mother has not yet answered the consent request we sent for her. Many of our parents rarely open "
            + "email; could Elimu send an SMS reminder?", TicketCategory.consent, TicketPriority.medium, TicketStatus.in_progress, world.AtDaysAgo(3), staff);
        reminders.UpdatedAt = world.AtDaysAgo(2);

        Ticket(partner, "Add the county to the children export",
            "When we export sponsored children to Excel we would like a county column, for our board's regional breakdown.",
            TicketCategory.technical, TicketPriority.low, TicketStatus.open, world.AtDaysAgo(8));

        Ticket(partner, "Girls in STEM needs approval before the term starts",
            "We submitted Girls in STEM Direct Sponsorship yesterday. The term starts in two weeks and the mentors are booked; "
            + "could the review be done this week?", TicketCategory.sponsorship, TicketPriority.urgent, TicketStatus.open, world.AtDaysAgo(2, 9, 12),
            aiPriority: TicketPriority.high);

        Ticket(people.Partner2.Id, "Invoices should show our KRA PIN",
            "Our auditors need the KRA PIN P052345678Y on every invoice. Can this be added to our invoices?",
            TicketCategory.billing, TicketPriority.medium, TicketStatus.open, world.AtDaysAgo(6), staff);

        logo.ClosedAt = logo.UpdatedAt;
        Threads(world, partner, staff, charged, logo, reminders);
        return [charged, logo, reminders];
    }

    /// <summary>The conversations behind the seeded tickets: replies both ways, the status events, and a screenshot.</summary>
    private static void Threads(DemoWorld world, Guid partner, Guid staff, PartnerTicket charged, PartnerTicket logo, PartnerTicket reminders)
    {
        void Say(PartnerTicket t, Guid author, TicketParty party, string body, DateTime at, TicketEvent? kind = null) =>
            world.Db.TicketMessages.Add(new TicketMessage { TicketId = t.Id, AuthorId = author, Party = party, Body = body, CreatedAt = at, Event = kind });

        Say(charged, staff, TicketParty.staff, "Assigned to Peter Mwangi.", charged.CreatedAt.AddMinutes(15), TicketEvent.assigned);
        Say(charged, staff, TicketParty.staff, "Thank you, we can see both payments. We are refunding the PayPal one now.", charged.CreatedAt.AddHours(1));
        Say(charged, partner, TicketParty.partner, "Thank you! Please send the refund confirmation to finance@ -- they reconcile on Fridays.", charged.CreatedAt.AddHours(2));
        Say(charged, staff, TicketParty.staff, charged.Resolution!, charged.ResolvedAt!.Value, TicketEvent.resolved);

        var screenshot = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        var file = new TicketAttachment
        {
            TicketId = logo.Id, UploadedBy = partner, FileName = "upload-error.png", ContentType = "image/png",
            SizeBytes = screenshot.Length, Content = screenshot, CreatedAt = logo.CreatedAt,
        };
        world.Db.TicketAttachments.Add(file);
        logo.Attachments = [new Attachment { FileName = file.FileName, Url = $"{SupportEndpoints.PartnerPrefix}/{logo.Id}/attachments/{file.Id}", SizeBytes = file.SizeBytes, MimeType = file.ContentType }];
        Say(logo, staff, TicketParty.staff, "Thanks for the screenshot. The logo limit was 2 MB; we are raising it.", logo.CreatedAt.AddHours(3));
        Say(logo, staff, TicketParty.staff, logo.Resolution!, logo.ResolvedAt!.Value, TicketEvent.resolved);
        Say(logo, staff, TicketParty.staff, "Closed.", logo.UpdatedAt, TicketEvent.closed);

        Say(reminders, staff, TicketParty.staff, "Assigned to Peter Mwangi.", reminders.CreatedAt.AddMinutes(20), TicketEvent.assigned);
        Say(reminders, staff, TicketParty.staff, "Good idea. SMS reminders are being tested with two schools; we will turn them on for "
            + "your programs this week and tell you here.", reminders.UpdatedAt);
    }
}
