using Elimu.Api.Common;
using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Notifications;

public sealed record CategoryPreference(NotificationCategory Category, bool InApp, bool Email, bool Digest);

/// <param name="TimeZone">IANA zone (Africa/Nairobi by default): the digest goes out at 07:00 there.</param>
public sealed record NotificationPreferencesView(DigestFrequency Digest, string TimeZone, IReadOnlyList<CategoryPreference> Categories);

/// <summary>A change to the preferences: what is left out stays as it was.</summary>
public sealed record NotificationPreferencesUpdate(DigestFrequency? Digest, string? TimeZone, IReadOnlyList<CategoryPreference?>? Categories);

/// <summary>Each user's choices per category, their digest frequency and time zone; defaults where nothing was chosen.</summary>
public sealed class NotificationPreferences(AppDbContext db, TimeProvider clock)
{
    /// <summary>Every (user, category) pair, chosen or default. One query.</summary>
    public async Task<Dictionary<(Guid, NotificationCategory), NotificationPreference>> ForUsersAsync(IReadOnlyCollection<Guid> userIds, CancellationToken ct)
    {
        var chosen = await db.NotificationPreferences.AsNoTracking().Where(p => userIds.Contains(p.UserId)).ToListAsync(ct);
        var all = new Dictionary<(Guid, NotificationCategory), NotificationPreference>();
        foreach (var user in userIds)
            foreach (var category in Enum.GetValues<NotificationCategory>())
                all[(user, category)] = NotificationDefaults.For(user, category);
        foreach (var p in chosen) all[(p.UserId, p.Category)] = p;
        return all;
    }

    public async Task<NotificationPreferencesView> GetAsync(Guid userId, CancellationToken ct)
    {
        var choices = await ForUsersAsync([userId], ct);
        var digest = await db.NotificationSettings.Where(s => s.UserId == userId).Select(s => (DigestFrequency?)s.Digest).FirstOrDefaultAsync(ct)
            ?? NotificationDefaults.Digest;
        var zone = await db.Users.Where(u => u.Id == userId).Select(u => u.TimeZone).FirstAsync(ct);
        return new(digest, zone, Enum.GetValues<NotificationCategory>()
            .Select(c => choices[(userId, c)]).Select(p => new CategoryPreference(p.Category, p.InApp, p.Email, p.Digest)).ToList());
    }

    public async Task<NotificationPreferencesView> UpdateAsync(Guid userId, NotificationPreferencesUpdate change, CancellationToken ct)
    {
        Validate(change);
        var categories = change.Categories?.OfType<CategoryPreference>().ToList() ?? [];
        var stored = await db.NotificationPreferences.Where(p => p.UserId == userId).ToDictionaryAsync(p => p.Category, ct);
        foreach (var c in categories)
        {
            if (!stored.TryGetValue(c.Category, out var row))
                db.NotificationPreferences.Add(row = new NotificationPreference { UserId = userId, Category = c.Category });
            row.InApp = c.InApp; row.Email = c.Email; row.Digest = c.Digest; row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }
        if (change.Digest is { } digest)
        {
            var settings = await db.NotificationSettings.FirstOrDefaultAsync(s => s.UserId == userId, ct);
            if (settings is null) db.NotificationSettings.Add(settings = new NotificationSettings { UserId = userId });
            settings.Digest = digest;
            settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }
        if (change.TimeZone is { } zone)
            await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(u => u.SetProperty(x => x.TimeZone, zone), ct);
        await db.SaveChangesAsync(ct);
        return await GetAsync(userId, ct);
    }

    public static bool IsKnownZone(string? zone) => zone is { Length: > 0 and <= 64 } && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _);

    private static void Validate(NotificationPreferencesUpdate change)
    {
        var v = new Validation();
        if (change.TimeZone is not null)
            v.Check(IsKnownZone(change.TimeZone), "timeZone", "Choose a time zone by its IANA name, such as Africa/Nairobi.");
        v.NoNulls("categories", change.Categories);
        var repeated = change.Categories?.OfType<CategoryPreference>().GroupBy(c => c.Category).Where(g => g.Count() > 1).Select(g => g.Key).ToList() ?? [];
        foreach (var category in repeated) v.Add("categories", $"{category} is listed more than once.");
        v.ThrowIfInvalid();
    }
}
