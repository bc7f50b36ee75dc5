using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Data.Seeding;

/// <summary>Where a sponsored child's consent story stands.</summary>
internal enum ConsentStory
{
    /// <summary>Program still a draft: no guardian asked yet.</summary>
    NotRequested,
    Pending,
    Given,
    Declined,
    /// <summary>Given, then withdrawn: the child is back to PENDING_CONSENT.</summary>
    Revoked,
    /// <summary>Given; the sponsorship was later paused by the partner.</summary>
    GivenThenPaused,
}

/// <summary>One sponsored child with the timeline behind their status (what billing and reports need).</summary>
internal sealed class DemoSponsorship(DemoLearner learner, SponsoredChild child, ConsentStory story)
{
    public DemoLearner Learner { get; } = learner;
    public SponsoredChild Child { get; } = child;
    public ConsentStory Story { get; } = story;
    public DateTime RequestedAt { get; set; }
    public DateTime? AnsweredAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? PausedAt { get; set; }
    public string? RevocationReason { get; set; }

    public bool HasConsent => Story is ConsentStory.Given or ConsentStory.GivenThenPaused;

    /// <summary>A guardian's consent stood at <paramref name="t"/> (paused children keep theirs).</summary>
    public bool ConsentedAt(DateTime t) =>
        Story is ConsentStory.Given or ConsentStory.Revoked or ConsentStory.GivenThenPaused
        && AnsweredAt <= t && !(RevokedAt <= t);

    /// <summary>Sponsored with consent (so billable and visible) at <paramref name="t"/>.</summary>
    public bool ActiveAt(DateTime t) =>
        Story is ConsentStory.Given or ConsentStory.Revoked or ConsentStory.GivenThenPaused
        && AnsweredAt <= t && !(RevokedAt <= t) && !(PausedAt <= t);
}

internal sealed record DemoProgram(SponsorshipProgram Program, AppUser Partner, string PartnerName, List<DemoSponsorship> Children)
{
    public int ActiveCount(DateTime t) => Children.Count(c => c.ActiveAt(t));
}

/// <summary>The four programs: Tumaini's active cohort, its direct program awaiting approval, its draft, and Mwangaza's cohort.</summary>
internal sealed record DemoPrograms(DemoProgram Cohort, DemoProgram Direct, DemoProgram Draft, DemoProgram Partner2Cohort)
{
    public IReadOnlyList<DemoProgram> All => [Cohort, Direct, Draft, Partner2Cohort];

    public IEnumerable<DemoSponsorship> Children => All.SelectMany(p => p.Children);
}
