namespace Elimu.Api.Data.Seeding;

/// <summary>
/// What every part of the demo seed shares: the context rows are added to, the one fixed random
/// source (so the story is the same on every run) and the clock. Learners live in Africa/Nairobi
/// (UTC+3, no daylight saving), so days and hours are Nairobi's; every stored DateTime is UTC.
/// </summary>
internal sealed class DemoWorld(AppDbContext db, DateTime nowUtc)
{
    public const int ActivityDays = 120;
    public static readonly TimeSpan NairobiOffset = TimeSpan.FromHours(3);

    public AppDbContext Db { get; } = db;
    public Random Rng { get; } = new(2026);
    public DateTime Now { get; } = new(nowUtc.Ticks - nowUtc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    /// <summary>Today's date in Nairobi.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now + NairobiOffset);

    public DateOnly Day(int daysAgo) => Today.AddDays(-daysAgo);

    /// <summary>A Nairobi wall-clock time, as UTC.</summary>
    public DateTime At(DateOnly nairobiDay, int hour, int minute = 0) =>
        new DateTime(nairobiDay, new TimeOnly(hour, minute), DateTimeKind.Utc) - NairobiOffset;

    /// <summary>A time on the Nairobi day <paramref name="daysAgo"/> days back, in the given hour range.</summary>
    public DateTime AtDaysAgo(int daysAgo, int fromHour = 8, int toHour = 19) =>
        At(Day(daysAgo), Between(fromHour, toHour), Rng.Next(60));

    /// <summary>Days between a UTC time and now, by Nairobi calendar.</summary>
    public int DaysAgoOf(DateTime utc) => Today.DayNumber - DateOnly.FromDateTime(utc + NairobiOffset).DayNumber;

    public int Between(int min, int maxInclusive) => Rng.Next(min, maxInclusive + 1);

    public double Between(double min, double max) => min + Rng.NextDouble() * (max - min);

    public bool Chance(double probability) => Rng.NextDouble() < probability;

    /// <summary>Uniform noise in [-amplitude, amplitude].</summary>
    public double Noise(double amplitude) => (Rng.NextDouble() * 2 - 1) * amplitude;

    public T Pick<T>(IReadOnlyList<T> items) => items[Rng.Next(items.Count)];

    public List<T> Shuffled<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = Rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Friday for a Saturday or Sunday, otherwise the day itself (schools assess on weekdays).</summary>
    public static int WeekdayOnOrBefore(DateOnly today, int daysAgo) =>
        today.AddDays(-daysAgo).DayOfWeek switch
        {
            DayOfWeek.Saturday => daysAgo + 1,
            DayOfWeek.Sunday => daysAgo + 2,
            _ => daysAgo,
        };

    public string Letters(int length, string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") =>
        string.Create(length, this, (span, w) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[w.Rng.Next(alphabet.Length)];
        });
}
