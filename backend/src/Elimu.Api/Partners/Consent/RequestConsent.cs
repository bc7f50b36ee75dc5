using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Profiles;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Consent;

/// <summary>
/// POST /consent/request: one pending consent per guardian of each child still waiting, and a notification each. Only an
/// ACTIVE (admin-approved) program with at least its minimum of children may ask (409 program_not_active or
/// min_children_not_met otherwise); each request stores the program as the guardian is shown it.
/// </summary>
public static class RequestConsent
{
    public static async Task<Ok<ConsentRequestResult>> Handle(ConsentRequestBody body, ClaimsPrincipal user, AppDbContext db,
        PartnerNames names, ProgramStore store, EnrolmentReader enrolments, ConsentReader reader, ConsentExpiry expiry, AuditTrail audit,
        Notifier notifier, IPartnerCountersChanged counters, TimeProvider clock, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        // Under the partner's program locks: two requests at once would both find the child not asked yet (or both find
        // the re-ask window open) and ask the guardians twice.
        var result = await ProgramLock.ForPartnerAsync(db, partnerId, async () =>
        {
            var plan = await PlanAsync(db, names, store, enrolments, reader, expiry, partnerId, body, ct);
            if (body.SponsoredChildId is not null && plan.Children is [var only] && plan.AskAgainFrom(only) is { } from)
                throw TooSoon(from, expiry.Options.ReaskDays);
            return await AskAsync(plan, user, db, audit, notifier, clock, ct);
        }, ct);
        await counters.CountersChangedAsync(partnerId, ct);
        return TypedResults.Ok(result);
    }

    /// <summary>409 consent_reask_too_soon: a child's guardians are asked at most once per re-ask window; says when it opens.</summary>
    internal static DomainException TooSoon(DateTime from, int days)
    {
        var error = DomainException.Conflict("consent_reask_too_soon",
            $"This child's guardians were asked less than {days} days ago. So that no guardian is pressed, you can ask again from "
            + $"{DateOnly.FromDateTime(NairobiTime.ToNairobi(from)).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}.");
        error.Extensions["availableFrom"] = from;
        return error;
    }

    private static async Task<ConsentRequestResult> AskAsync(ConsentPlan plan, ClaimsPrincipal user, AppDbContext db, AuditTrail audit,
        Notifier notifier, TimeProvider clock, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var program = plan.Program;
        var children = plan.Children;
        var partnerName = plan.PartnerName;
        var now = clock.GetUtcNow().UtcDateTime;

        int requested = 0, alreadyPending = 0;
        var withoutGuardian = new List<Guid>();
        var tooSoon = new List<ReaskTooSoon>();
        var asked = new List<(Guid ParentId, Guid RequestId, ConsentPlan.Child Child)>();
        foreach (var child in children)
        {
            var childGuardians = plan.GuardiansOf(child);
            if (childGuardians.Count == 0) { withoutGuardian.Add(child.Id); continue; }
            if (plan.AskAgainFrom(child) is { } from)
            {
                tooSoon.Add(new ReaskTooSoon(child.Id, from));
                alreadyPending += childGuardians.Count(g => plan.IsOpen(child, g));
                continue;
            }
            var childName = $"{child.FirstName} {child.LastName}";
            foreach (var guardian in childGuardians)
            {
                if (plan.IsOpen(child, guardian)) { alreadyPending++; continue; }
                var request = new SponsorshipConsent
                {
                    SponsoredChildId = child.Id,
                    ParentId = guardian.ParentId,
                    ConsentText = ConsentText.Render(partnerName, program.Name, childName, guardian.Name),
                    ConsentTextSw = ConsentText.Render(Language.sw, partnerName, program.Name, childName, guardian.Name),
                    ConsentTextVersion = ConsentText.Version,
                    Shown = Snapshot(partnerName, program),
                    RequestedAt = now,
                };
                db.SponsorshipConsents.Add(request);
                asked.Add((guardian.ParentId, request.Id, child));
                requested++;
            }
            audit.Record(user.PartnerId(), "consent.request", "sponsored_child", child.Id, partnerId: partnerId, studentIds: [child.StudentId]);
        }
        // One message per guardian per call, however many of their children it asks about (email, text and in-app).
        await notifier.NotifyAsync(asked.GroupBy(a => a.ParentId)
            .Select(g => (g.Key, GuardianNote(partnerName, program.Name, g.Select(a => a.Child).ToList(), g.First().RequestId))).ToList(), ct);
        await db.SaveChangesAsync(ct);
        return new ConsentRequestResult(children.Count, requested, alreadyPending, withoutGuardian) { TooSoon = tooSoon };
    }

    /// <summary>What a guardian is told: by email and text too, with a link that opens the (first) request.</summary>
    private static NotificationDraft GuardianNote(string partnerName, string program, List<ConsentPlan.Child> children, Guid firstRequestId)
    {
        var names = string.Join(" and ", children.Select(c => c.FirstName));
        return new NotificationDraft(NotificationCategory.consent, $"{partnerName} asks to follow {names}'s learning",
            $"{partnerName} sponsors {names} through \"{program}\". Read what they would see, then agree or decline.",
            $"/dashboard/parent/consents/{firstRequestId}")
        {
            Text = $"Elimu: {partnerName} asks your consent to follow {names}'s learning. Read and answer here:",
        };
    }

    /// <summary>Who a request would ask: shared by the request and its preview, so the preview cannot say otherwise.</summary>
    internal static async Task<ConsentPlan> PlanAsync(AppDbContext db, PartnerNames names, ProgramStore store, EnrolmentReader enrolments,
        ConsentReader reader, ConsentExpiry expiry, Guid partnerId, ConsentRequestBody body, CancellationToken ct)
    {
        if ((body.SponsoredChildId is null) == (body.ProgramId is null))
            throw new ValidationFailedException(new Dictionary<string, string[]>
                { ["sponsoredChildId"] = ["Name either one sponsored child or one program."] });
        var (program, children) = await TargetsAsync(db, store, enrolments, reader, partnerId, body, ct);
        var studentIds = children.Select(c => c.StudentId).ToList();
        var childIds = children.Select(c => c.Id).ToList();
        var guardians = await db.Guardianships.Where(g => studentIds.Contains(g.StudentId))
            .Select(g => new ConsentPlan.Guardian(g.StudentId, g.ParentId, g.Parent!.FirstName + " " + g.Parent.LastName))
            .ToListAsync(ct);
        // A guardian with an open request (unanswered and not expired), or whose consent stands, for this enrolment is not
        // asked again. A child asked within the re-ask window whose guardians would get a new request waits (TooSoon).
        var asked = await (
                from k in db.SponsorshipConsents
                where childIds.Contains(k.SponsoredChildId)
                join c in enrolments.All() on k.SponsoredChildId equals c.Id
                where k.RequestedAt >= c.EnrolledAt && k.RequestedAt >= c.ProgramApprovedAt
                select new { k.SponsoredChildId, k.ParentId, k.ConsentGiven, k.RevokedAt, k.RequestedAt })
            .ToListAsync(ct);
        var expiredBefore = expiry.ExpiredBefore;
        var open = asked.Where(k => k.ConsentGiven != false && k.RevokedAt == null && !(k.ConsentGiven == null && k.RequestedAt < expiredBefore))
            .Select(k => (k.SponsoredChildId, k.ParentId)).ToHashSet();
        var tooSoon = new Dictionary<Guid, DateTime>();
        foreach (var child in asked.GroupBy(k => k.SponsoredChildId))
        {
            var from = child.Max(k => k.RequestedAt) + expiry.Options.Reask;
            var wouldAsk = guardians.Any(g => g.StudentId == children.First(c => c.Id == child.Key).StudentId && !open.Contains((child.Key, g.ParentId)));
            if (from > expiry.Now && wouldAsk) tooSoon[child.Key] = from;
        }
        var partnerName = await names.OrganizationNameAsync(partnerId, ct);
        return new ConsentPlan(program, children, guardians, open, partnerName, tooSoon);
    }

    private static ConsentProgramSnapshot Snapshot(string partnerName, ProgramTerms p) => new()
    {
        PartnerName = partnerName, ProgramName = p.Name, ProgramDescription = p.Description, ProgramType = p.ProgramType.ToString(),
        StartDate = p.StartDate, EndDate = p.EndDate, Goals = [.. p.GoalTitles],
    };

    /// <summary>Parents are asked only about a program an admin approved, that is running and holds its minimum.</summary>
    private static async Task EnsureMayAskAsync(ProgramStore store, ProgramTerms program, CancellationToken ct)
    {
        if (ProgramLifecycle.IsEnded(program.Status))
            throw DomainException.Conflict("program_ended", "The program has ended; no consent is needed.");
        if (program.Status != ProgramStatus.ACTIVE)
        {
            var error = DomainException.Conflict("program_not_active",
                $"This program is {program.Status}. Guardians are asked only once an admin has approved the program and it is active.");
            error.Extensions["status"] = program.Status.ToString();
            throw error;
        }
        var enrolled = await store.EnrolledOrLeftCountAsync(program.Id, ct);
        if (enrolled < program.MinChildren) throw ProgramStatusHandlers.MinimumNotMet(program.MinChildren, enrolled, "ask guardians for consent");
    }

    /// <summary>
    /// The program asked about and its children still waiting: not removed and not visible by the gate's rule. (Their
    /// status is usually PENDING_CONSENT; the gate decides, so a status left behind by older code cannot block a proper request.)
    /// </summary>
    private static async Task<(ProgramTerms Program, List<ConsentPlan.Child> Children)> TargetsAsync(AppDbContext db, ProgramStore store,
        EnrolmentReader enrolments, ConsentReader reader, Guid partnerId, ConsentRequestBody body, CancellationToken ct)
    {
        var mine = enrolments.OfPartner(partnerId);
        if (body.SponsoredChildId is { } childId)
        {
            var child = await mine.FirstOrDefaultAsync(c => c.Id == childId, ct) ?? throw DomainException.NotFound("Sponsored child");
            if (SponsoredChildStatusChanges.Departed.Contains(child.Status) || await reader.Visible(partnerId).AnyAsync(c => c.Id == child.Id, ct))
                throw DomainException.Conflict("consent_not_needed", $"This child is {child.Status}; consent is only requested for children waiting for it.");
            var its = await store.TermsOwnedAsync(partnerId, child.ProgramId, ct);
            await EnsureMayAskAsync(store, its, ct);
            return (its, await NamedAsync(db, mine.Where(c => c.Id == child.Id), ct));
        }
        var program = await store.TermsOwnedAsync(partnerId, body.ProgramId!.Value, ct);
        await EnsureMayAskAsync(store, program, ct);
        var visible = reader.Visible(partnerId).Select(c => c.Id);
        return (program, await NamedAsync(db,
            mine.Where(c => c.ProgramId == program.Id && !SponsoredChildStatusChanges.Departed.Contains(c.Status) && !visible.Contains(c.Id)), ct));
    }

    /// <summary>The children with their names (the student directory's), in one query.</summary>
    private static Task<List<ConsentPlan.Child>> NamedAsync(AppDbContext db, IQueryable<EnrolmentRow> children, CancellationToken ct) =>
        (from c in children
         join s in db.Students on c.StudentId equals s.Id
         select new ConsentPlan.Child(c.Id, c.StudentId, s.FirstName, s.LastName)).ToListAsync(ct);
}
