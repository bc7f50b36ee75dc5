using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Support.Training;

/// <summary>Webinars: the list (upcoming soonest first, past latest first) and a member's own seat, taken or given back.</summary>
public static class Webinars
{
    public static async Task<Ok<Paged<WebinarView>>> List([AsParameters] WebinarQuery q, ClaimsPrincipal user, AppDbContext db,
        TimeProvider clock, CancellationToken ct)
    {
        var page = PageRequest.From(q.Page, q.PageSize);
        var now = clock.GetUtcNow().UtcDateTime;
        var webinars = db.TrainingWebinars.AsNoTracking();
        // "Past" is over by its end, so a live webinar is still in the upcoming list, with its join link.
        webinars = q.When == WebinarWhen.past
            ? webinars.Where(w => w.EndsAt <= now).OrderByDescending(w => w.StartsAt)
            : webinars.Where(w => w.EndsAt > now).OrderBy(w => w.StartsAt);
        var found = await webinars.ToPagedAsync(page, ct);
        var views = await ViewsAsync(db, user, found.Items, now, ct);
        return TypedResults.Ok(new Paged<WebinarView>(views, found.Page, found.PageSize, found.Total));
    }

    public static async Task<Ok<WebinarView>> Register(Guid id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var me = user.UserId();
        var now = clock.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The seat count and the new seat in one step: the no-op update write-locks the webinar row (PostgreSQL) or
            // takes the writer lock (SQLite), so two members cannot both take the last seat.
            var locked = await db.TrainingWebinars.Where(w => w.Id == id).ExecuteUpdateAsync(s => s.SetProperty(w => w.UpdatedAt, now), ct);
            if (locked == 0) throw DomainException.NotFound("Webinar");
            var webinar = await db.TrainingWebinars.AsNoTracking().SingleAsync(w => w.Id == id, ct);
            if (await db.WebinarRegistrations.AnyAsync(r => r.WebinarId == id && r.UserId == me, ct)) return; // already holds a seat
            if (webinar.EndsAt <= now) throw DomainException.Conflict("webinar_over", "This webinar is over; watch its recording instead.");
            if (webinar.Capacity is { } capacity && await db.WebinarRegistrations.CountAsync(r => r.WebinarId == id, ct) >= capacity)
                throw DomainException.Conflict("webinar_full", "Every seat of this webinar is taken.");
            db.WebinarRegistrations.Add(new WebinarRegistration { WebinarId = id, UserId = me, PartnerProfileId = user.PartnerProfileId() });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        });
        return TypedResults.Ok(await ViewAsync(db, user, id, now, ct));
    }

    public static async Task<Ok<WebinarView>> Unregister(Guid id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var webinar = await db.TrainingWebinars.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw DomainException.NotFound("Webinar");
        if (webinar.EndsAt <= now) throw DomainException.Conflict("webinar_over", "This webinar is over; its attendance is kept.");
        var me = user.UserId();
        await db.WebinarRegistrations.Where(r => r.WebinarId == id && r.UserId == me).ExecuteDeleteAsync(ct);
        return TypedResults.Ok(await ViewAsync(db, user, id, now, ct));
    }

    private static async Task<WebinarView> ViewAsync(AppDbContext db, ClaimsPrincipal user, Guid id, DateTime now, CancellationToken ct)
    {
        var webinar = await db.TrainingWebinars.AsNoTracking().SingleAsync(w => w.Id == id, ct);
        return (await ViewsAsync(db, user, [webinar], now, ct))[0];
    }

    /// <summary>Two queries for any number of webinars: the seats taken, and this member's and this team's seats.</summary>
    private static async Task<IReadOnlyList<WebinarView>> ViewsAsync(AppDbContext db, ClaimsPrincipal user, IReadOnlyList<TrainingWebinar> webinars,
        DateTime now, CancellationToken ct)
    {
        var ids = webinars.Select(w => w.Id).ToList();
        var me = user.UserId();
        var team = user.PartnerProfileId();
        var taken = await db.WebinarRegistrations.Where(r => ids.Contains(r.WebinarId))
            .GroupBy(r => r.WebinarId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var ours = await db.WebinarRegistrations.Where(r => ids.Contains(r.WebinarId) && r.PartnerProfileId == team)
            .Select(r => new { r.WebinarId, r.UserId }).ToListAsync(ct);

        return webinars.Select(w =>
        {
            var mine = ours.Any(r => r.WebinarId == w.Id && r.UserId == me);
            var status = w.EndsAt <= now ? WebinarStatus.past : w.StartsAt <= now ? WebinarStatus.live : WebinarStatus.upcoming;
            return new WebinarView(w.Id, w.Title, w.Description, w.HostName, TrainingTime.Nairobi(w.StartsAt), TrainingTime.Nairobi(w.EndsAt),
                w.DurationMinutes, status,
                JoinUrl: mine && status != WebinarStatus.past ? w.JoinUrl : null,
                RecordingUrl: status == WebinarStatus.past ? w.RecordingUrl : null,
                w.Capacity, w.Capacity is { } c ? Math.Max(0, c - taken.GetValueOrDefault(w.Id)) : null,
                mine, ours.Count(r => r.WebinarId == w.Id));
        }).ToList();
    }
}

internal static class TrainingTime
{
    public static DateTimeOffset Nairobi(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(NairobiTime.Zone.GetUtcOffset(utc));
}
