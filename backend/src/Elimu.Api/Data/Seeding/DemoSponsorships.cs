using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Students;

namespace Elimu.Api.Data.Seeding;

/// <summary>
/// Tumaini's three programs (ACTIVE cohort of 14, PENDING_APPROVAL direct program of 10, DRAFT of 3)
/// and Mwangaza's ACTIVE cohort of 10, each child with a consent story. Parent@'s children are in the
/// cohort: Brian and Joy with consent, Faith added last week and awaiting her mother's answer, Kevin
/// whose consent was withdrawn twelve days ago.
/// </summary>
internal static class DemoSponsorships
{
    public static DemoPrograms Build(DemoWorld world, DemoPeople people, DemoLearners learners)
    {
        var used = new HashSet<DemoLearner>();
        List<DemoLearner> Take(int count, Func<DemoLearner, bool> preferred, Func<DemoLearner, bool> fallback)
        {
            var picked = world.Shuffled(learners.All.Where(l => !used.Contains(l) && preferred(l))).Take(count).ToList();
            picked.AddRange(world.Shuffled(learners.All.Where(l => !used.Contains(l) && !picked.Contains(l) && fallback(l)))
                .Take(count - picked.Count));
            used.UnionWith(picked);
            return picked;
        }
        bool In(DemoLearner l, params string[] counties) => counties.Contains(l.Student.County);

        used.UnionWith([learners.Brian, learners.Joy, learners.Faith, learners.Kevin]);
        var lakeRegion = Take(8, l => In(l, "Kisumu", "Kakamega"), _ => true);
        lakeRegion.AddRange(Take(2, l => In(l, "Kisii"), _ => true));
        var coastAndRift = Take(10, l => In(l, "Mombasa", "Kilifi", "Uasin Gishu", "Nakuru"), _ => true);
        var aridLands = Take(3, l => In(l, "Garissa", "Turkana"), _ => true);
        var girls = Take(10, l => l.Student.Gender == Gender.female && l.Student.Grade is >= CbcGrade.Grade5 and <= CbcGrade.Grade9,
            l => l.Student.Gender == Gender.female);

        var cohort = Cohort(world, people, learners, lakeRegion);
        var direct = Direct(world, people, girls);
        var draft = Draft(world, people, aridLands);
        var partner2 = Partner2Cohort(world, people, coastAndRift);
        var programs = new DemoPrograms(cohort, direct, draft, partner2);

        world.Db.SponsorshipPrograms.AddRange(programs.All.Select(p => p.Program));
        world.Db.SponsoredChildren.AddRange(programs.Children.Select(c => c.Child));
        return programs;
    }

    private static DemoProgram Cohort(DemoWorld world, DemoPeople people, DemoLearners learners, List<DemoLearner> others)
    {
        var program = NewProgram(world, people, people.Partner, "Lake Region Scholars 2026", ProgramType.cohort, ProgramStatus.ACTIVE,
            BillingPeriod.monthly, 1_500m, createdDaysAgo: 132, startDaysAgo: 124, approvedDaysAgo: 125);
        program.Program.Description = "A cohort of learners from Kisumu, Kakamega and Kisii counties. Tumaini pays for their Elimu "
            + "subscription and data bundles, runs a weekly reading circle at each school, and follows every child's CBC "
            + "progress with their teachers.";
        program.Program.MaxChildren = 20;
        program.Program.CustomPricingNotes = "Premium-tier rate agreed with Elimu Partnerships: KES 1,500 per child per month (list price KES 1,800).";
        program.Program.Goals =
        [
            new() { Title = "80% of children at Meeting Expectations or above in Mathematics", Metric = "share_me_or_above:MATH", Target = 80 },
            new() { Title = "150 minutes of learning per child per week", Metric = "avg_weekly_minutes", Target = 150 },
            new() { Title = "Every child completes 20 lessons this term", Metric = "lessons_completed_per_child", Target = 20 },
            new() { Title = "Raise the average English score by 10 points", Metric = "score_change:ENG", Target = 10 },
        ];

        Sponsor(world, program, learners.Brian, ConsentStory.Given, 130, LearnerPattern.Improving);
        Sponsor(world, program, learners.Joy, ConsentStory.Given, 130, LearnerPattern.Star);
        var kevin = Sponsor(world, program, learners.Kevin, ConsentStory.Revoked, 130, LearnerPattern.Disengaging);
        kevin.RevokedAt = world.AtDaysAgo(12, 19, 21);
        kevin.RevocationReason = "I would like to talk with Kevin's class teacher first about how his results are shared. "
            + "We may agree again next term.";
        Sponsor(world, program, learners.Faith, ConsentStory.Pending, 4, LearnerPattern.Steady);

        LearnerPattern[] patterns =
        [
            LearnerPattern.Inactive, LearnerPattern.Inactive, LearnerPattern.Disengaging, LearnerPattern.Disengaging,
            LearnerPattern.Improving, LearnerPattern.Improving, LearnerPattern.Struggling, LearnerPattern.Steady,
            LearnerPattern.Steady, LearnerPattern.Star,
        ];
        for (var i = 0; i < others.Count; i++)
        {
            var story = i == 0 ? ConsentStory.GivenThenPaused : ConsentStory.Given;
            var child = Sponsor(world, program, others[i], story, world.Between(128, 130), patterns[i % patterns.Length]);
            if (i == 0) child.PausedAt = world.AtDaysAgo(26, 9, 16);
        }
        program.Program.UpdatedAt = program.Children.Max(c => c.Child.EnrolledAt);
        return program;
    }

    private static DemoProgram Direct(DemoWorld world, DemoPeople people, List<DemoLearner> girls)
    {
        var program = NewProgram(world, people, people.Partner, "Girls in STEM Direct Sponsorship", ProgramType.direct,
            ProgramStatus.PENDING_APPROVAL, BillingPeriod.termly, 4_000m, createdDaysAgo: 21, startDaysAgo: -14);
        program.Program.Description = "Individually chosen girls in Grades 5 to 9 with an interest in science and mathematics. "
            + "Tumaini sponsors their Elimu learning and pairs each girl with a woman mentor working in a STEM field.";
        program.Program.MaxChildren = 15;
        program.Program.EndDate = null;
        program.Program.Goals =
        [
            new() { Title = "Every girl at Meeting Expectations or above in Science & Technology", Metric = "share_me_or_above:SCI", Target = 100 },
            new() { Title = "Average Mathematics score of 70 or more", Metric = "avg_score:MATH", Target = 70 },
        ];
        // Waiting for an admin: no guardian is asked about a program no admin has reviewed.
        foreach (var girl in girls) Sponsor(world, program, girl, ConsentStory.NotRequested, world.Between(12, 20));
        program.Program.UpdatedAt = world.AtDaysAgo(3); // submitted for approval
        return program;
    }

    private static DemoProgram Draft(DemoWorld world, DemoPeople people, List<DemoLearner> children)
    {
        var program = NewProgram(world, people, people.Partner, "Arid Lands Reading Boost", ProgramType.cohort, ProgramStatus.DRAFT,
            BillingPeriod.annual, 15_000m, createdDaysAgo: 6, startDaysAgo: -40);
        program.Program.Description = "Early-grade reading support for learners in Garissa and Turkana, with offline-first lessons "
            + "on shared school tablets. Still being put together: ten children are needed before it can be submitted.";
        program.Program.Goals = [new() { Title = "Every child reading at grade level by the end of the year", Metric = "share_me_or_above:ENG", Target = 100 }];
        foreach (var learner in children) Sponsor(world, program, learner, ConsentStory.NotRequested, world.Between(4, 5));
        return program;
    }

    private static DemoProgram Partner2Cohort(DemoWorld world, DemoPeople people, List<DemoLearner> children)
    {
        var program = NewProgram(world, people, people.Partner2, "Mwangaza Digital Learners: Coast & Rift", ProgramType.cohort,
            ProgramStatus.ACTIVE, BillingPeriod.termly, 4_000m, createdDaysAgo: 115, startDaysAgo: 104, approvedDaysAgo: 106);
        program.Program.Description = "Learners in Mombasa, Kilifi, Uasin Gishu and Nakuru with a Mwangaza tablet, a monthly data bundle and an Elimu subscription.";
        program.Program.MaxChildren = 25;
        program.Program.Goals =
        [
            new() { Title = "Four learning days a week per child", Metric = "avg_active_days_per_week", Target = 4 },
            new() { Title = "Average digital literacy rating of 3.0", Metric = "competency:digital_literacy", Target = 3 },
        ];
        for (var i = 0; i < children.Count; i++)
        {
            var pending = i == children.Count - 1;
            Sponsor(world, program, children[i], pending ? ConsentStory.Pending : ConsentStory.Given, pending ? 9 : world.Between(110, 112));
        }
        return program;
    }

    private static DemoProgram NewProgram(DemoWorld world, DemoPeople people, AppUser partner, string name, ProgramType type,
        ProgramStatus status, BillingPeriod period, decimal price, int createdDaysAgo, int startDaysAgo, int? approvedDaysAgo = null)
    {
        var approved = approvedDaysAgo is { } days ? world.AtDaysAgo(days, 9, 16) : (DateTime?)null;
        var start = world.Day(startDaysAgo);
        var program = new SponsorshipProgram
        {
            PartnerId = partner.Id, Name = name, ProgramType = type, Status = status, BillingPeriod = period,
            PricePerChild = price, Currency = "KES", MinChildren = SponsorshipProgram.MinimumChildren,
            StartDate = start, EndDate = start.AddYears(1),
            ApprovedBy = approved is null ? null : people.Admin.Id, ApprovedAt = approved,
            CreatedAt = world.AtDaysAgo(createdDaysAgo, 9, 16),
        };
        program.UpdatedAt = program.ApprovedAt ?? program.CreatedAt;
        // Submitted a few days after creation; approval (if any) followed the submission.
        if (status is not ProgramStatus.DRAFT)
        {
            var submitted = approved?.AddDays(-2) ?? world.AtDaysAgo(Math.Max(1, createdDaysAgo - 3), 9, 16);
            program.SubmittedAt = submitted < program.CreatedAt ? program.CreatedAt : submitted;
        }
        var partnerName = partner == people.Partner2 ? DemoPartnerProfiles.Partner2Name : DemoPartnerProfiles.PartnerName;
        return new DemoProgram(program, partner, partnerName, []);
    }

    private static DemoSponsorship Sponsor(DemoWorld world, DemoProgram program, DemoLearner learner, ConsentStory story,
        int enrolledDaysAgo, LearnerPattern? pattern = null)
    {
        var enrolled = world.AtDaysAgo(enrolledDaysAgo, 9, 15);
        var child = new SponsoredChild
        {
            ProgramId = program.Program.Id, StudentId = learner.Student.Id, PartnerId = program.Partner.Id,
            EnrolledAt = enrolled,
            Status = story switch
            {
                ConsentStory.Given => SponsoredChildStatus.ACTIVE,
                ConsentStory.GivenThenPaused => SponsoredChildStatus.PAUSED,
                _ => SponsoredChildStatus.PENDING_CONSENT,
            },
        };
        // Guardians are asked only once the program is approved (children enrolled before approval wait for it).
        var approved = program.Program.ApprovedAt;
        var askable = approved is { } a && a > enrolled ? a : enrolled;
        var sponsorship = new DemoSponsorship(learner, child, story)
        {
            RequestedAt = story == ConsentStory.NotRequested ? enrolled : askable.AddMinutes(world.Between(2, 90)),
        };
        if (story is not (ConsentStory.NotRequested or ConsentStory.Pending))
            sponsorship.AnsweredAt = world.AtDaysAgo(Math.Max(1, Math.Min(enrolledDaysAgo, world.DaysAgoOf(askable)) - world.Between(1, 6)), 18, 21);
        if (pattern is { } p) (learner.Pattern, learner.PatternChosen) = (p, true);
        program.Children.Add(sponsorship);
        return sponsorship;
    }
}
