using Elimu.Api.Partners.Collaboration;
using Elimu.Api.Partners.Content;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Data.Seeding;

internal sealed record DemoCollaborationResult(PartnerMessage LatestReply, PartnerMeeting NextMeeting, PartnerResource ResourceInReview);

/// <summary>Message threads between the partners and Elimu staff, meetings past and planned, and contributed resources.</summary>
internal static class DemoCollaboration
{
    public static DemoCollaborationResult Build(DemoWorld world, DemoPeople people, DemoPrograms programs)
    {
        var (partner, partner2, staff) = (people.Partner.Id, people.Partner2.Id, people.Staff.Id);
        var messages = new List<PartnerMessage>();
        var threads = new Dictionary<string, Guid>();
        // Each subject is one thread between the partner and staff; each message goes to the thread's other person.
        PartnerMessage Say(Guid partnerId, Guid senderId, string subject, string body, DateTime at, bool read = true)
        {
            var message = new PartnerMessage
            {
                PartnerId = partnerId, RecipientId = senderId == staff ? partnerId : staff, SenderId = senderId,
                Subject = threads.ContainsKey(subject) ? "Re: " + subject : subject, Body = body,
                CreatedAt = at, ReadAt = read ? at.AddMinutes(world.Between(10, 180)) : null,
            };
            message.ThreadId = threads.TryAdd(subject, message.Id) ? message.Id : threads[subject];
            messages.Add(message);
            return message;
        }

        const string board = "Board questions on the term report";
        var question = Say(partner, partner, board, "Hello Peter, our board read the term report and sent a few questions, attached. "
            + "Could you help us answer the second one about how weekly minutes are counted?", world.AtDaysAgo(26, 9, 11));
        var questions = DemoPdf("Board questions on the term report: 1. How are children chosen? 2. How are weekly minutes counted?");
        question.Attachments = [new Attachment { FileName = "board-questions.pdf", Url = $"/api/v1/partner/collaboration/messages/{question.Id}/attachments/0",
            SizeBytes = questions.Length, MimeType = "application/pdf" }];
        world.Db.PartnerMessageFiles.Add(new MessageAttachmentFile { MessageId = question.Id, Position = 0, Content = questions });
        Say(partner, staff, board, "Hi Esther, weekly minutes are the total time in learning sessions during the period, divided by the "
            + "number of children with consent and by the number of weeks. Children without consent are never counted.", world.AtDaysAgo(25, 9, 11));

        const string faith = "Adding a child to the Lake Region cohort";
        Say(partner, partner, faith, "Hello Peter, we would like to add Faith (Grade 4, Lakeside Kisumu) to the Lake Region cohort; her "
            + "mother asked at the reading circle. Is there anything we need to do beyond adding her?", world.AtDaysAgo(5, 9, 11));
        Say(partner, staff, faith, "Hi Esther, just add her from the program page and Elimu sends her mother the consent request. Until she "
            + "agrees you will only see Faith's first name, initial, grade and county, and she is not billed.", world.AtDaysAgo(5, 14, 16));
        Say(partner, partner, faith, "Done, thank you. The request shows as pending.", world.AtDaysAgo(4, 16, 18));

        const string stem = "Girls in STEM: approval timeline";
        Say(partner, partner, stem, "We have submitted Girls in STEM for approval. The term starts in two weeks; please tell us if "
            + "anything is missing.", world.AtDaysAgo(3, 10, 12));
        var reply = Say(partner, staff, stem, "Thanks Esther. The admin team reviews it this week. Six guardians have consented, three "
            + "requests are pending and one guardian declined, so you may want to add another girl to keep ten with consent.",
            world.AtDaysAgo(1, 10, 12), read: false);

        const string tablets = "Tablet delivery for the Coast & Rift cohort";
        Say(partner2, partner2, tablets, "The tablets for the new learners arrive next week. Can Elimu preload the offline lessons?", world.AtDaysAgo(10));
        Say(partner2, staff, tablets, "Yes. Send us the device serial numbers and we will schedule the preload.", world.AtDaysAgo(9), read: false);
        world.Db.PartnerMessages.AddRange(messages);

        var next = Meetings(world, people, programs);
        var inReview = Resources(world, people, programs);
        return new DemoCollaborationResult(reply, next, inReview);
    }

    /// <summary>A one-page PDF with a line of text, so the demo's attachment opens.</summary>
    private static byte[] DemoPdf(string line)
    {
        var text = line.Replace("(", "").Replace(")", "");
        var stream = $"BT /F1 11 Tf 50 780 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append($"{o:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static PartnerMeeting Meetings(DemoWorld world, DemoPeople people, DemoPrograms programs)
    {
        MeetingAttendee Of(AppUser user) => new() { Name = user.FullName, Email = user.Email, UserId = user.Id };
        var quiet = programs.Cohort.Children.Count(c => c.HasConsent && c.Learner.Pattern is LearnerPattern.Inactive or LearnerPattern.Disengaging);
        var review = new PartnerMeeting
        {
            PartnerId = people.Partner.Id, OrganizerId = people.Partner.Id, Title = "Lake Region Scholars: mid-term review", Status = MeetingStatus.completed,
            Description = "Progress of the cohort half-way through the term, with the head teacher of Lakeside Kisumu.",
            ScheduledAt = world.At(world.Day(20), 10), DurationMinutes = 45, MeetingUrl = "https://meet.elimu.demo/tumaini/mid-term-review",
            Attendees = [Of(people.Partner), Of(people.Staff), new() { Name = "Mr. Odhiambo (head teacher, Lakeside Kisumu)" }],
            Notes = "Agreed: the weekly reading circle continues; Elimu flags learners with no activity for seven days; "
                + "Tumaini calls the guardians of learners whose activity is fading.",
            CreatedAt = world.AtDaysAgo(30),
        };
        var walkthrough = new PartnerMeeting
        {
            PartnerId = people.Partner.Id, OrganizerId = people.Partner.Id, Title = "Girls in STEM: approval walkthrough", Status = MeetingStatus.scheduled,
            Description = "Walk the admin team through the program before approval.",
            ScheduledAt = world.At(world.Day(-6), 11), DurationMinutes = 30, MeetingUrl = "https://meet.elimu.demo/tumaini/girls-in-stem",
            Attendees = [Of(people.Partner), Of(people.Admin), Of(people.Staff)], CreatedAt = world.AtDaysAgo(2),
        };
        var checkIn = new PartnerMeeting
        {
            PartnerId = people.Partner.Id, OrganizerId = people.Partner.Id, Title = "Check-in on learners with fading activity", Status = MeetingStatus.scheduled,
            Description = $"Suggested because {quiet} children in Lake Region Scholars have had little or no activity in the last two weeks.",
            ScheduledAt = world.At(world.Day(-13), 15), DurationMinutes = 30, AiSuggested = true,
            MeetingUrl = "https://meet.elimu.demo/tumaini/activity-check-in", Attendees = [Of(people.Partner), Of(people.Staff)],
            CreatedAt = world.AtDaysAgo(1),
        };
        var cancelled = new PartnerMeeting
        {
            PartnerId = people.Partner.Id, OrganizerId = people.Partner.Id, Title = "Quarterly finance reconciliation", Status = MeetingStatus.cancelled,
            ScheduledAt = world.At(world.Day(45), 14), DurationMinutes = 60, Attendees = [Of(people.Partner), Of(people.Staff)],
            Notes = "Cancelled: covered by the refund ticket and the mid-term review.", CreatedAt = world.AtDaysAgo(60),
        };
        var partner2 = new PartnerMeeting
        {
            PartnerId = people.Partner2.Id, OrganizerId = people.Partner2.Id, Title = "Tablet preload planning", Status = MeetingStatus.scheduled,
            ScheduledAt = world.At(world.Day(-3), 10), DurationMinutes = 30, Attendees = [Of(people.Partner2), Of(people.Staff)],
            CreatedAt = world.AtDaysAgo(9),
        };
        world.Db.PartnerMeetings.AddRange(review, walkthrough, checkIn, cancelled, partner2);
        return walkthrough;
    }

    private static PartnerResource Resources(DemoWorld world, DemoPeople people, DemoPrograms programs)
    {
        const string cdn = "https://cdn.elimu.demo/partners/";
        var guide = new PartnerResource
        {
            PartnerId = people.Partner.Id, Title = "Tumaini Reading Circle Guide", ResourceType = ResourceType.document,
            Description = "How to run a weekly reading circle for Grades 1-6, with story lists in English and Kiswahili.",
            FileUrl = cdn + "tumaini/reading-circle-guide.pdf", FileSize = 2_348_112, MimeType = "application/pdf",
            Status = ResourceStatus.approved, BrandingApplied = true, ReviewedBy = people.Admin.Id, ReviewedAt = world.AtDaysAgo(70),
            UsageCount = 37, TargetPrograms = [programs.Cohort.Program.Id], CreatedAt = world.AtDaysAgo(75), UpdatedAt = world.AtDaysAgo(70),
        };
        var video = new PartnerResource
        {
            PartnerId = people.Partner.Id, Title = "Fractions at the Market", ResourceType = ResourceType.video,
            Description = "A 9-minute video lesson: halves, quarters and eighths with sukuma wiki bundles at Kibuye market.",
            FileUrl = cdn + "tumaini/fractions-at-the-market.mp4", FileSize = 48_211_968, MimeType = "video/mp4",
            BrandingApplied = true, TargetPrograms = [programs.Cohort.Program.Id, programs.Direct.Program.Id],
            CreatedAt = world.AtDaysAgo(2), UpdatedAt = world.AtDaysAgo(2),
        };
        var sheets = new PartnerResource
        {
            PartnerId = people.Partner.Id, Title = "Kiswahili Insha Practice Sheets", ResourceType = ResourceType.material,
            Description = "Twelve composition prompts with marking guides.", FileUrl = cdn + "tumaini/insha-practice.docx", FileSize = 412_672,
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Status = ResourceStatus.rejected,
            ReviewedBy = people.Admin.Id, ReviewedAt = world.AtDaysAgo(15), CreatedAt = world.AtDaysAgo(18), UpdatedAt = world.AtDaysAgo(15),
        };
        var safety = new PartnerResource
        {
            PartnerId = people.Partner2.Id, Title = "Safe Internet Use for Young Learners", ResourceType = ResourceType.lesson,
            Description = "A 30-minute lesson on passwords, strangers online and screen time.", FileUrl = cdn + "mwangaza/safe-internet.pdf",
            FileSize = 1_204_224, MimeType = "application/pdf", Status = ResourceStatus.approved, ReviewedBy = people.Admin.Id,
            ReviewedAt = world.AtDaysAgo(50), UsageCount = 112, TargetPrograms = [programs.Partner2Cohort.Program.Id],
            CreatedAt = world.AtDaysAgo(55), UpdatedAt = world.AtDaysAgo(50),
        };
        world.Db.PartnerResources.AddRange(guide, video, sheets, safety);
        return video;
    }
}
