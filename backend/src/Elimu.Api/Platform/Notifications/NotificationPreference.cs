namespace Elimu.Api.Platform.Notifications;

/// <summary>
/// One user's choice for one category: shown in the app, sent by email at once, included in the digest. A category
/// without a row takes <see cref="NotificationDefaults"/>.
/// </summary>
public class NotificationPreference
{
    public Guid UserId { get; set; }
    public NotificationCategory Category { get; set; }
    public bool InApp { get; set; }
    public bool Email { get; set; }
    public bool Digest { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A user's digest frequency; without a row, <see cref="NotificationDefaults.Digest"/>.</summary>
public class NotificationSettings
{
    public Guid UserId { get; set; }
    public DigestFrequency Digest { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public static class NotificationDefaults
{
    public const DigestFrequency Digest = DigestFrequency.weekly;

    /// <summary>Everything in the app and in the digest; by email, all but the platform's own notices.</summary>
    public static NotificationPreference For(Guid userId, NotificationCategory category) => new()
    {
        UserId = userId, Category = category, InApp = true, Email = category != NotificationCategory.system, Digest = true,
    };
}
