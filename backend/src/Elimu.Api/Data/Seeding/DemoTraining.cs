using Elimu.Api.Partners.Support.Training;

namespace Elimu.Api.Data.Seeding;

/// <summary>
/// The training hub's story: recorded webinars from the last weeks, upcoming ones (one nearly full), the demo partner's
/// owner registered for one and halfway through the essentials course. Times are Nairobi afternoons.
/// </summary>
internal static class DemoTraining
{
    public static void Build(DemoWorld world, DemoPeople people)
    {
        var tumaini = world.Db.PartnerProfiles.Local.First(p => p.UserId == people.Partner.Id).Id;
        TrainingWebinar Webinar(int daysFromNow, int hour, int minutes, string title, string description, string host, int? capacity, bool recorded)
        {
            var starts = world.At(world.Today.AddDays(daysFromNow), hour);
            var id = Guid.CreateVersion7();
            var w = new TrainingWebinar
            {
                Id = id, Title = title, Description = description, HostName = host, StartsAt = starts, EndsAt = starts.AddMinutes(minutes),
                JoinUrl = $"https://meet.elimu.africa/webinar/{id:N}", Capacity = capacity,
                RecordingUrl = recorded ? $"https://learn.elimu.africa/recordings/{title.ToLowerInvariant().Replace(' ', '-')}" : null,
            };
            world.Db.TrainingWebinars.Add(w);
            return w;
        }

        Webinar(-21, 14, 60, "Welcome to Elimu for partners",
            "A tour of the dashboard for new partner teams: programs, enrolment, consent and the figures on your dashboard.",
            "Peter Mwangi, Partner Success", null, recorded: true);
        var consent = Webinar(-7, 15, 45, "Consent done right",
            "How guardians receive and answer consent requests by app, email and SMS, and how to help families who ask questions.",
            "Wanjiru Kariuki, Safeguarding", null, recorded: true);
        var reports = Webinar(3, 14, 60, "Reporting CBC progress to your donors",
            "Reading the learning journey and cohort views, and turning them into a one-page update for your board.",
            "Peter Mwangi, Partner Success", 100, recorded: false);
        Webinar(10, 11, 45, "M-Pesa, Stripe and PayPal: billing for finance teams",
            "Billing periods, custom pricing, paying by M-Pesa STK push, card or PayPal, and reconciling receipts.",
            "Grace Achieng, Finance", 3, recorded: false);
        Webinar(24, 15, 90, "Data protection clinic",
            "Bring your questions on the Data Protection Act, exports and safeguarding. Limited seats so everyone can speak.",
            "Wanjiru Kariuki, Safeguarding", 25, recorded: false);

        world.Db.WebinarRegistrations.AddRange(
            new WebinarRegistration { WebinarId = consent.Id, UserId = people.Partner.Id, PartnerProfileId = tumaini, CreatedAt = consent.StartsAt.AddDays(-3) },
            new WebinarRegistration { WebinarId = reports.Id, UserId = people.Partner.Id, PartnerProfileId = tumaini, CreatedAt = world.Now.AddDays(-1) });

        foreach (var (module, daysAgo) in new[] { ("your-dashboard-at-a-glance", 12), ("creating-a-sponsorship-program", 9) })
            world.Db.ModuleCompletions.Add(new ModuleCompletion
            {
                UserId = people.Partner.Id, PartnerProfileId = tumaini, CourseSlug = "partner-essentials", ModuleSlug = module,
                CreatedAt = world.AtDaysAgo(daysAgo),
            });
    }
}
