using NetArchTest.Rules;

namespace Elimu.Api.Tests;

/// <summary>
/// Issue 13, "Section boundaries and one consent gate": each Partners section owns its types and reaches another only
/// through that section's designated public surface, the sections form no cycle, and only the gate reads learning data.
/// PartnersModule (the composition root, in Elimu.Api.Partners itself) wires the sections together and is exempt.
/// </summary>
public sealed class PartnerSectionTests
{
    private static readonly System.Reflection.Assembly Api = typeof(Program).Assembly;
    private const string Partners = "Elimu.Api.Partners.";

    private static readonly string[] Sections =
        ["Alerts", "Analytics", "ChildData", "Collaboration", "Consent", "Content", "Dashboard", "Enrollments", "Finance", "Profiles", "Shared", "Sponsorships", "Support"];

    /// <summary>
    /// What a section may use of another: (user, owner) → the owner's types it may name. Everything else of the owner
    /// is internal to it. No line names another section's entity: rows cross as readers' query rows (EnrolmentRow,
    /// SponsoredChildRow, ProgramListing) and records.
    /// </summary>
    private static readonly Dictionary<(string User, string Owner), string[]> Surface = new()
    {
        // Shared holds only the interfaces sections offer each other; anyone may use it.
        // Consent reads the enrolments its records are about as EnrolmentReader rows (the gate composes on them), a program's
        // terms as ProgramTerms (the snapshot a guardian is shown), and the partner's children list as SponsoredChildReader
        // rows; the child's status is written by Sponsorships (SponsoredChildStatusChanges). No entity of Sponsorships.
        [("Consent", "Sponsorships")] = [
            "SponsorshipEndpoints", "ProgramStore", "ProgramTerms", "ProgramLifecycle", "ProgramStatusHandlers", "SponsoredChildStatusChanges",
            "EnrolmentReader", "EnrolmentRow", "SponsoredChildReader", "SponsoredChildRow", "SponsoredChildStatus", "ProgramStatus", "ProgramType",
            "ProgramLock"],
        // The children's views read rows and details through Sponsorships' reader, never its entities; goals and
        // milestones are the JSON values of the views' contracts.
        [("ChildData", "Sponsorships")] = [
            "SponsorshipEndpoints", "SponsoredChildReader", "SponsoredChildRow", "SponsoredChildDetails",
            "SponsoredChildStatus", "ProgramStatus", "ChildGoal", "ChildGoalKind", "AiMilestone", "EnrolmentRow", "ChildWithGoals",
            "StatusHistoryReader", "StatusChangeRow", "StatusChangeActor"],
        // The child's timeline: Consent's events beside Sponsorships' status history.
        [("ChildData", "Consent")] = ["ConsentReader", "ChildConsentStatus", "ConsentHistory", "ConsentEvent", "ConsentEventKind"],
        // A program suspended for unpaid billing joins the gate's rule through Finance's own reader.
        [("ChildData", "Finance")] = ["BillingStanding", "BillingSuspension"],
        [("Dashboard", "ChildData")] = ["ChildLearningGate"],
        [("Dashboard", "Consent")] = ["ConsentStats"],
        [("Dashboard", "Sponsorships")] = ["SponsorshipStats", "ChildStatusCounts", "ProgramStatusCounts"],
        [("Dashboard", "Finance")] = ["BillingStats", "BillingSummary", "CurrencyAmount"],
        [("Dashboard", "Support")] = ["TicketStats"],
        [("Dashboard", "Collaboration")] = ["MessageStats"],
        [("Enrollments", "Consent")] = ["ConsentStats", "ConsentSpan"],
        // An import names programs by ProgramRef and enrolls through the planner; the cohort chart reads child rows.
        [("Enrollments", "Sponsorships")] = [
            "ProgramStore", "ProgramRef", "ProgramLifecycle", "ProgramLock", "EnrollmentPlanner", "ProgramValidation", "RefusedStudent",
            "ProgramChildCounts", "SponsoredChildReader", "SponsoredChildRow", "ProgramStatus", "StatusHistoryReader", "StatusChangeRow"],
        // Creating a program or asking guardians needs a verified partner: Profiles' route convention says so.
        [("Sponsorships", "Profiles")] = ["PartnerNames", "PartnerName", "VerifiedPartnerRoutes"],
        [("Consent", "Profiles")] = ["PartnerNames", "PartnerName", "VerifiedPartnerRoutes"],
        [("Support", "Profiles")] = ["PartnerNames", "PartnerName"],
        [("Collaboration", "Profiles")] = ["PartnerNames", "PartnerName"],
        // A grant's compliance report is checked as a ticket's file is (the content proves the type; the name made safe).
        [("Finance", "Support")] = ["TicketFileRules", "TicketFile"],
        // Billing names and prices programs through Sponsorships' listings, counts the children with active consent on a
        // period's first day from Sponsorships' child rows and Consent's given spans, and prints invoices with Profiles'
        // letterhead and tax fields. The foreign keys to the program live in the composition root (ProgramForeignKeys).
        [("Finance", "Sponsorships")] = ["ProgramListings", "ProgramListing", "ProgramStatus", "BillingPeriod", "SponsoredChildReader", "SponsoredChildRow"],
        [("Finance", "Consent")] = ["ConsentStats", "ConsentSpan"],
        [("Finance", "Profiles")] = ["PartnerLetterheads", "PartnerLetterhead", "PartnerTaxes", "PartnerTax"],
        // Impact reports: learning through the gate, spend through Finance's stats (and its embedded PDF fonts), program
        // names and counts through Sponsorships' stats, the letterhead through Profiles' reader, progress on the partner hub.
        // Forecasts and cohort benchmarking read learning and consented enrolments through the gate, spend and the school
        // calendar through Finance's reader. ROI and custom reports read learning only as the gate's cohort figures, money
        // through Finance's reader, names through Profiles'.
        [("Analytics", "Support")] = ["TicketFileRules", "TicketFile"],
        [("Analytics", "Sponsorships")] = ["ProgramListings", "ProgramListing", "SponsorshipStats", "ProgramStore", "ProgramRef", "SponsoredChildRow", "SponsoredChildStatus"],
        [("Analytics", "ChildData")] = ["ChildLearningGate", "PeriodLearningFigures", "PeriodWeek", "PeriodArea", "PeriodCompetency", "CohortLearning",
            "CohortTotals`1", "ChildAreaBaseline", "ChildTerm", "ChildTermFigures", "ChildTermArea", "ChildTermAchievement", "ChildTermGoal"],
        // ...and the grants' generated compliance reports, which live in Analytics because they read the impact figures.
        [("Analytics", "Finance")] = ["BillingStats", "BillingOptions", "SchoolTerm", "PartnerSpend", "SpendEntry",
            "GrantEndpoints", "GrantReader", "GrantWorkflow", "GrantDetail", "GrantDeadlineView", "GrantReport", "GrantStatus", "GrantAllocationView",
            "FinanceEndpoints"],
        [("Analytics", "Profiles")] = ["PartnerLetterheads", "PartnerLetterhead", "PartnerNames", "PartnerName"],
        [("Analytics", "Dashboard")] = ["PartnerHub"],
        // Contributed resources: target programs checked and named through Sponsorships' stats, the logo a branded PDF
        // carries through Profiles' letterhead (and Finance's embedded PDF fonts), partner names in the review queue.
        // Sponsored courses target the partner's programs (named through Sponsorships' store) and read their children's
        // progress only as the gate's course figures.
        [("Content", "Sponsorships")] = ["SponsorshipStats", "ProgramStore", "ProgramRef", "ProgramStatus"],
        [("Content", "Profiles")] = ["PartnerLetterheads", "PartnerLetterhead", "PartnerNames", "PartnerName"],
        [("Content", "ChildData")] = ["ChildLearningGate", "CourseProgressFigures", "CourseLessonFigures"],
        // Alerts measure monitored children only through the gate's alert figures, and name programs through Sponsorships' store;
        // the dashboard counts new alerts and its watcher runs the scan.
        [("Alerts", "ChildData")] = ["ChildLearningGate", "ChildAlertFigures", "ChildGoalStanding", "MonitoredChildName"],
        [("Alerts", "Sponsorships")] = ["ProgramStore", "ProgramRef"],
        [("Dashboard", "Alerts")] = ["AlertReader", "AlertScan", "AlertScanResult"],
    };

    /// <summary>The gate of DESIGN.md §3: the one Partners type that calls the Platform.Learning readers.</summary>
    private const string Gate = "Elimu.Api.Partners.ChildData.ChildLearningGate";

    private static IEnumerable<Type> TypesOf(string section) =>
        Api.GetTypes().Where(t => t.Namespace == Partners + section && !t.IsNested && !t.Name.StartsWith('<'));

    private static bool Uses(string user, IEnumerable<string> fullNames)
    {
        var names = fullNames.ToArray();
        return names.Length > 0 && Types.InAssembly(Api).That().ResideInNamespace(Partners + user).And().HaveDependencyOnAny(names).GetTypes().Any();
    }

    [Fact]
    public void A_section_uses_another_only_through_its_designated_surface()
    {
        var breaches = new List<string>();
        foreach (var user in Sections)
        foreach (var owner in Sections.Where(o => o != user && o != "Shared"))
        {
            var allowed = Surface.GetValueOrDefault((user, owner), []);
            var forbidden = TypesOf(owner).Where(t => !allowed.Contains(t.Name)).Select(t => t.FullName!).ToList();
            // HaveDependencyOnAny matches by name prefix, so a use of an allowed "SponsoredChildStatus" also reads as one of a
            // forbidden "SponsoredChild": such a name is looked up exactly in the IL instead (TypeReferences), and the
            // others one at a time, to say which broke.
            if (!Uses(user, forbidden)) continue;
            breaches.AddRange(forbidden.Where(f => allowed.Any(a => (Partners + owner + "." + a).StartsWith(f))
                    ? TypeReferences.Of(Partners + user).Contains(f)
                    : Uses(user, [f]))
                .Select(f => $"{user} -> {f}"));
        }
        Assert.True(breaches.Count == 0, "Types used outside their section's public surface: " + string.Join(", ", breaches));
    }

    [Fact]
    public void The_sections_depend_on_each_other_without_a_cycle()
    {
        var edges = Sections.ToDictionary(s => s, s => Sections.Where(o => o != s && Types.InAssembly(Api).That()
            .ResideInNamespace(Partners + s).And().HaveDependencyOn(Partners + o).GetTypes().Any()).ToList());
        var cycle = FindCycle(edges);
        Assert.True(cycle is null, "Sections depend on each other in a cycle: " + string.Join(" -> ", cycle ?? []));
    }

    [Fact]
    public void Only_the_child_data_section_touches_platform_learning()
    {
        var result = Types.InAssembly(Api).That().ResideInNamespace("Elimu.Api.Partners")
            .And().DoNotResideInNamespace(Partners + "ChildData")
            .And().DoNotResideInNamespace(Partners + "Content")
            .ShouldNot().HaveDependencyOn("Elimu.Api.Platform.Learning").GetResult();
        Assert.True(result.IsSuccessful, "Partners types using Platform.Learning outside the gate: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    /// <summary>The CBC's words (rubric levels, core competencies, learning areas): what lesson generation may use of Platform.Learning.</summary>
    private static readonly string[] CbcVocabulary =
    [
        "Elimu.Api.Platform.Learning.RubricLevel", "Elimu.Api.Platform.Learning.CoreCompetency",
        "Elimu.Api.Platform.Learning.CbcLearningAreas", "Elimu.Api.Platform.Learning.CbcLearningArea",
        // The catalogue of platform lessons a sponsored course is assembled from: titles, grades, areas, no child's record.
        "Elimu.Api.Platform.Learning.PlatformLessons", "Elimu.Api.Platform.Learning.CatalogLesson",
    ];

    [Fact]
    public void Content_uses_only_the_CBC_vocabulary_of_platform_learning_never_a_childs_records()
    {
        var used = new[] { Partners + "Content", Partners + "Content.Generation", Partners + "Content.Courses" }.SelectMany(TypeReferences.Of)
            .Where(n => n.StartsWith("Elimu.Api.Platform.Learning.", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Contains("Elimu.Api.Platform.Learning.RubricLevel", used); // the check sees what Content uses
        var beyond = used.Except(CbcVocabulary).ToList();
        Assert.True(beyond.Count == 0, "Content uses Platform.Learning beyond the CBC vocabulary: " + string.Join(", ", beyond));
    }

    [Fact]
    public void Only_the_gate_calls_the_learning_readers_or_names_a_learning_table()
    {
        var readers = new[] { "LearningStats", "Insights.ChildLearningInsights", "Insights.LearningRecordsReader", "Achievement", "ActivitySession",
            "Assessment", "CompetencyScore", "Course", "CourseEnrollment", "Lesson", "LessonProgress", "LearningArea" }
            .Select(n => "Elimu.Api.Platform.Learning." + n).ToArray();
        var result = Types.InAssembly(Api).That().ResideInNamespace("Elimu.Api.Partners").And().DoNotHaveNameMatching("^ChildLearningGate")
            .ShouldNot().HaveDependencyOnAny(readers).GetResult();
        Assert.True(result.IsSuccessful, "Partners types reading learning data past the gate: " + string.Join(", ", result.FailingTypeNames ?? []));
        Assert.True(Types.InAssembly(Api).That().HaveNameMatching("^ChildLearningGate$").And().HaveDependencyOnAny(readers).GetTypes()
            .Any(t => t.FullName == Gate), "The gate no longer reads learning data: update this test's gate name.");
    }

    /// <summary>A depth-first search; the first cycle found, as the list of sections along it.</summary>
    private static List<string>? FindCycle(Dictionary<string, List<string>> edges)
    {
        var state = edges.Keys.ToDictionary(k => k, _ => 0); // 0 new, 1 on the path, 2 done
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in edges[node])
            {
                if (state[next] == 1) return [.. path.Skip(path.IndexOf(next)), next];
                if (state[next] == 0 && Visit(next) is { } found) return found;
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
        return edges.Keys.Select(k => state[k] == 0 ? Visit(k) : null).FirstOrDefault(c => c is not null);
    }
}
