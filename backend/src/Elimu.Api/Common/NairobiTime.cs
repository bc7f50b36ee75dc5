namespace Elimu.Api.Common;

/// <summary>Kenya keeps East Africa Time (UTC+3) all year; days, weeks and billing months are counted there.</summary>
public static class NairobiTime
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateTime ToNairobi(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Zone);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ToNairobi(clock.GetUtcNow().UtcDateTime));

    /// <summary>The UTC instant at which the given Nairobi calendar day starts.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    private static TimeZoneInfo FindZone()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Africa/Nairobi"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.CreateCustomTimeZone("EAT", TimeSpan.FromHours(3), "EAT", "EAT"); }
    }
}
