using System.ComponentModel.DataAnnotations;

namespace Elimu.Api.Partners.Consent;

/// <summary>
/// <c>Consent:Requests</c>: how long a guardian has to answer, when they are reminded, and how often a partner may ask
/// again. Validated at start: a reminder on or after the expiry day could never be sent.
/// </summary>
public sealed class ConsentRequestOptions : IValidatableObject
{
    public const string Section = "Consent:Requests";

    /// <summary>An unanswered request expires this many days after it was made.</summary>
    [Range(7, 365)]
    public int ExpiryDays { get; set; } = 30;

    /// <summary>Days after the request when the guardian is reminded (the day 3 and day 10).</summary>
    public int[] ReminderDays { get; set; } = [3, 10];

    /// <summary>And a last reminder this many days before the request expires.</summary>
    [Range(1, 30)]
    public int LastReminderDaysBeforeExpiry { get; set; } = 3;

    /// <summary>After an expiry or a decline, a child's guardians are asked again at most once in this many days.</summary>
    [Range(1, 365)]
    public int ReaskDays { get; set; } = 30;

    /// <summary>How often the reminder job looks for reminders due.</summary>
    [Range(1, 86_400)]
    public int ScanSeconds { get; set; } = 900;

    public TimeSpan Expiry => TimeSpan.FromDays(ExpiryDays);

    public TimeSpan Reask => TimeSpan.FromDays(ReaskDays);

    /// <summary>
    /// The reminders of a request, as days after it was made, each once, in order: the configured days and the last one
    /// before expiry. The day is the reminder's key in <see cref="ConsentReminder"/>.
    /// </summary>
    public IReadOnlyList<int> ReminderStages => [.. ReminderDays.Append(ExpiryDays - LastReminderDaysBeforeExpiry).Where(d => d > 0).Distinct().Order()];

    /// <summary>When a request made at <paramref name="requestedAt"/> expires.</summary>
    public DateTime ExpiresAt(DateTime requestedAt) => requestedAt + Expiry;

    /// <summary>Requests made before this instant have expired by <paramref name="now"/> (unless answered).</summary>
    public DateTime ExpiredBefore(DateTime now) => now - Expiry;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReminderDays.Any(d => d < 1 || d >= ExpiryDays))
            yield return new ValidationResult($"{Section}:ReminderDays must each be between 1 and ExpiryDays - 1.", [nameof(ReminderDays)]);
        if (LastReminderDaysBeforeExpiry >= ExpiryDays)
            yield return new ValidationResult($"{Section}:LastReminderDaysBeforeExpiry must be less than ExpiryDays.", [nameof(LastReminderDaysBeforeExpiry)]);
    }
}
