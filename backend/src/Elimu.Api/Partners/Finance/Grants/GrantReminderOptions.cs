namespace Elimu.Api.Partners.Finance.Grants;

/// <summary>
/// Grants:ReminderDaysBefore (default 14 and 3): how many days before a reporting deadline its reminders go out;
/// Grants:ReminderScanSeconds (default 3600): how often the job looks.
/// </summary>
public sealed class GrantReminderOptions(IConfiguration configuration)
{
    public IReadOnlyList<int> DaysBefore { get; } = [.. (configuration.GetSection("Grants:ReminderDaysBefore").Get<int[]>() is { Length: > 0 } d ? d : [14, 3])
        .Where(x => x >= 0).Distinct().OrderByDescending(x => x)];

    public TimeSpan ScanInterval { get; } = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Grants:ReminderScanSeconds", 3600)));

    /// <summary>The earliest reminder's window: a deadline this close is "due soon".</summary>
    public int SoonDays => DaysBefore.Count > 0 ? DaysBefore[0] : 0;
}
