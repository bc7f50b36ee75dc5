using Elimu.Api.Platform.Students;

namespace Elimu.Bench.ScaleSeed;

/// <summary>
/// What every part of the scale data shares: today (the data runs up to now, a year back), Nairobi days, and ids.
/// Every random choice comes from a <see cref="Random"/> seeded by the row it is for, so a table can be generated on
/// its own, in any order, and the data is the same on every run of the same day.
/// </summary>
public sealed class ScaleWorld(DateTime nowUtc)
{
    public const int Days = 365;
    public static readonly TimeSpan NairobiOffset = TimeSpan.FromHours(3);

    public DateTime Now { get; } = new(nowUtc.Ticks - nowUtc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    public DateOnly Today => DateOnly.FromDateTime(Now + NairobiOffset);
    public DateOnly Day(int daysAgo) => Today.AddDays(-daysAgo);

    /// <summary>A Nairobi wall-clock time, as UTC.</summary>
    public DateTime At(DateOnly nairobiDay, int hour, int minute = 0) =>
        new DateTime(nairobiDay, new TimeOnly(hour, minute), DateTimeKind.Utc) - NairobiOffset;

    public DateTime AtDaysAgo(Random rng, int daysAgo, int fromHour = 8, int toHour = 19) =>
        At(Day(daysAgo), rng.Next(fromHour, toHour + 1), rng.Next(60));

    public static Random RngFor(int table, int row) => new(unchecked(2026 + table * 1_000_003 + row * 7_919) & int.MaxValue);

    public static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>A sequence of ids for one table, increasing (version-7 layout), the same on every run.</summary>
    public SequentialIds Ids(int table) => new(new DateTimeOffset(Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds() + table);
}

/// <summary>
/// Version-7 shaped ids from a fixed millisecond and a counter: unique, deterministic, and increasing in both
/// PostgreSQL's uuid order and SQLite's text order, so every primary key is appended at the right edge of its B-tree.
/// </summary>
public sealed class SequentialIds(long unixMs)
{
    private long _counter;

    public Guid Next()
    {
        Span<byte> b = stackalloc byte[16];
        for (var i = 0; i < 6; i++) b[i] = (byte)(unixMs >> (8 * (5 - i)));
        var n = ++_counter;
        b[6] = 0x70;
        b[7] = 0;
        b[8] = (byte)(0x80 | ((n >> 56) & 0x3F));
        for (var i = 9; i < 16; i++) b[i] = (byte)(n >> (8 * (15 - i)));
        return new Guid(b, bigEndian: true);
    }
}

/// <summary>Kenyan names and the schools of the 47 counties (ten per county).</summary>
public static class ScaleNames
{
    public static readonly string[] Surnames =
    [
        "Kamau", "Njoroge", "Kariuki", "Waweru", "Githinji", "Muriuki", "Macharia", "Gitau", "Kimani", "Otieno", "Ochieng",
        "Odhiambo", "Onyango", "Owino", "Okoth", "Omondi", "Ouma", "Oduor", "Kazungu", "Baya", "Kahindi", "Katana", "Charo",
        "Kiprono", "Cheruiyot", "Koech", "Rotich", "Langat", "Kirui", "Bett", "Kiptoo", "Wafula", "Wekesa", "Barasa",
        "Simiyu", "Makokha", "Shikuku", "Wanyama", "Mutua", "Musyoka", "Kioko", "Mutiso", "Wambua", "Kilonzo", "Abdi",
        "Hassan", "Mohamed", "Farah", "Ekai", "Lokwawi", "Ekiru", "Ombati", "Nyamweya", "Mogaka", "Nyakundi", "Momanyi",
        "Sankale", "Saitoti", "Lemayian", "Mwangi",
    ];

    public static readonly string[] Girls =
    [
        "Faith", "Mercy", "Grace", "Joy", "Sharon", "Esther", "Purity", "Cynthia", "Ivy", "Abigail", "Neema", "Imani",
        "Wanjiku", "Njeri", "Wambui", "Achieng", "Akinyi", "Atieno", "Zawadi", "Rehema", "Halima", "Chebet", "Jerono",
        "Nafula", "Nekesa", "Mwikali", "Mumbua", "Amina", "Hodan", "Moraa", "Kerubo", "Naserian",
    ];

    public static readonly string[] Boys =
    [
        "Brian", "Kevin", "Dennis", "Collins", "Ian", "Victor", "Emmanuel", "Samuel", "Felix", "Allan", "Daniel", "Moses",
        "Karanja", "Njenga", "Mugo", "Omondi", "Okello", "Baraka", "Juma", "Hamisi", "Kiprop", "Kibet", "Kiplagat",
        "Wanjala", "Masinde", "Muema", "Kyalo", "Yusuf", "Hussein", "Esekon", "Ongeri", "Lekishon",
    ];

    private static readonly string[] SchoolKinds =
        ["Central", "Township", "Hill", "Mission", "Valley", "Riverside", "Model", "Junior", "Star of Hope", "Comprehensive"];

    public static readonly string[] LearningNeeds =
        ["reading support", "numeracy support", "hearing impairment", "low vision", "English language support"];

    public const int SchoolsPerCounty = 10;

    public static string School(int county, int kind) => $"{KenyaCounties.All[county]} {SchoolKinds[kind]} Primary School";

    /// <summary>A school's admission-number prefix, e.g. "NBI7" for Nairobi's eighth school.</summary>
    public static string Prefix(int county, int kind) =>
        new string(KenyaCounties.All[county].Where(char.IsLetter).Take(3).ToArray()).ToUpperInvariant() + kind;
}
