using System.Diagnostics;
using System.Net;
using System.Text;
using Elimu.Api.Tests.Infrastructure;
using Xunit.Abstractions;
using static Elimu.Api.Tests.Partners.Enrollments.ImportTestData;

namespace Elimu.Api.Tests.Partners.Enrollments;

/// <summary>
/// Files built to exhaust the server (zip bombs, endless or sparse rows, far columns, pathological CSV) are refused
/// quickly with a 400 on <c>file</c>, and a real 20,000-row workbook still goes through.
/// </summary>
public sealed class ImportBombTests(SeededApiFactory api, ITestOutputHelper output) : IClassFixture<SeededApiFactory>
{
    /// <summary>Generous for a loaded two-core machine: the refusals take milliseconds, the attacks took 30 s and more.</summary>
    private static readonly TimeSpan Fast = TimeSpan.FromSeconds(5);

    public static TheoryData<string, string, string> Attacks() => new()
    {
        { "shared strings expanding to 200 MB", nameof(WorkbookBombs.SharedStrings), "expands to more than" },
        { "30 million empty rows", nameof(WorkbookBombs.EmptyRows), "expands to more than" },
        // .NET's zip reader itself stops a part that inflates past its declared size; the guard counts the bytes as well.
        { "sizes in the zip headers that lie", nameof(WorkbookBombs.LyingHeaders), "save it again" },
        { "a row numbered 1,048,576", nameof(WorkbookBombs.FarRow), "blank rows included" },
        { "a row numbered 1,048,576 in a sheet outside xl/worksheets", nameof(WorkbookBombs.FarRowElsewhere), "blank rows included" },
        { "a cell in column XFD", nameof(WorkbookBombs.FarColumn), "columns" },
        { "a declared dimension of 30 million rows", nameof(WorkbookBombs.Dimension), "blank rows included" },
        { "thousands of zip parts", nameof(WorkbookBombs.ManyParts), "parts" },
        { "a million blank CSV records before one row", "blank-csv", "blank rows count too" },
        { "a CSV row of 30,000 fields", "wide-csv", "columns" },
        { "a CSV line of 500 KB", "long-line-csv", "longer than 64 KB" },
        { "a CSV cell of 2 MB", "long-cell-csv", "longer than" },
        { "a CSV quote that never closes", "open-quote-csv", "quote" },
    };

    public const string Real20000 = "real-20000";

    private static readonly Dictionary<string, Lazy<(string Name, byte[] Content)>> Files = new()
    {
        [Real20000] = new(() => ("cohort.xlsx", Xlsx(Enumerable.Range(1, 20_000).Select(i => new Dictionary<string, object?>
        {
            ["student_id"] = Guid.NewGuid().ToString(), ["admission_number"] = $"KSM/{i:D5}",
            ["school"] = "Lakeside Kisumu Primary School, Kisumu County", ["program"] = "Kisumu Lakeside Readers 2026 Cohort",
        })))),
        [nameof(WorkbookBombs.SharedStrings)] = new(() => ("bomb.xlsx", WorkbookBombs.SharedStrings(200L * 1024 * 1024))),
        [nameof(WorkbookBombs.EmptyRows)] = new(() => ("rows.xlsx", WorkbookBombs.EmptyRows(30_000_000))),
        [nameof(WorkbookBombs.LyingHeaders)] = new(() => ("liar.xlsx", WorkbookBombs.LyingHeaders(20L * 1024 * 1024, claimed: 1000))),
        [nameof(WorkbookBombs.FarRow)] = new(() => ("far.xlsx", WorkbookBombs.FarRow(1_048_576))),
        [nameof(WorkbookBombs.FarRowElsewhere)] = new(() => ("elsewhere.xlsx", WorkbookBombs.FarRowElsewhere(1_048_576))),
        [nameof(WorkbookBombs.FarColumn)] = new(() => ("wide.xlsx", WorkbookBombs.FarColumn(3))),
        [nameof(WorkbookBombs.Dimension)] = new(() => ("dim.xlsx", WorkbookBombs.Dimension("A1:D30000000"))),
        [nameof(WorkbookBombs.ManyParts)] = new(() => ("parts.xlsx", WorkbookBombs.ManyParts(5_000))),
        [nameof(WorkbookBombs.AtTheLimits)] = new(() => ("limits.xlsx", WorkbookBombs.AtTheLimits())),
        ["blank-csv"] = new(() => ("blank.csv",
            Encoding.ASCII.GetBytes("student_id,program\n" + new StringBuilder().Insert(0, ",\n", 1_000_000) + $"{Guid.NewGuid()},Lake\n"))),
        ["wide-csv"] = new(() => ("wide.csv", Encoding.ASCII.GetBytes($"student_id,program\n{Guid.NewGuid()},Lake{new string(',', 30_000)}\n"))),
        ["long-line-csv"] = new(() => ("line.csv", Encoding.ASCII.GetBytes($"student_id,program\n{Guid.NewGuid()},Lake{new string(',', 500_000)}\n"))),
        ["long-cell-csv"] = new(() => ("long.csv", Encoding.ASCII.GetBytes($"student_id,program\n{Guid.NewGuid()},{new string('L', 2_000_000)}\n"))),
        ["open-quote-csv"] = new(() => ("quote.csv", Encoding.ASCII.GetBytes($"student_id,program\n{Guid.NewGuid()},\"Lake{new string('x', 3_000_000)}\n"))),
    };

    public static (string Name, byte[] Content) File(string attack) => Files[attack].Value;

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task An_attack_file_is_refused_quickly_with_a_400_on_file(string why, string attack, string expected)
    {
        var (name, content) = File(attack);
        using var client = await api.LoginAsync("partner@elimu.demo");
        foreach (var route in new[] { DryRun, Commit })
        {
            var clock = Stopwatch.StartNew();
            var response = await UploadAsync(client, route, name, content);
            clock.Stop();
            var body = await response.Content.ReadAsStringAsync();
            output.WriteLine($"{why} ({content.Length / 1024:N0} KB) on {route}: {(int)response.StatusCode} in {clock.ElapsedMilliseconds} ms");

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why} on {route}: {(int)response.StatusCode} {body}");
            var message = (await response.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString()!;
            Assert.Contains(expected, message, StringComparison.OrdinalIgnoreCase);
            Assert.True(clock.Elapsed < Fast, $"{why} took {clock.ElapsedMilliseconds} ms");
        }
    }

    [Fact]
    public async Task A_real_20000_row_workbook_is_read_whole()
    {
        var (_, workbook) = File(Real20000);
        using var client = await api.LoginAsync("partner@elimu.demo");

        var clock = Stopwatch.StartNew();
        var result = await DryRunAsync(client, "cohort.xlsx", workbook);
        output.WriteLine($"20,000-row workbook ({workbook.Length / 1024:N0} KB): dry run in {clock.ElapsedMilliseconds} ms");

        Assert.Equal(20_000, result.TotalRows);
        Assert.Equal(20_000, result.Rows[^1].Row);
    }

    [Fact]
    public async Task An_endless_upload_is_cut_off_a_little_past_5_MB()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var upload = new EndlessCsvUpload(totalBytes: 200L * 1024 * 1024);

        var response = await client.Http.PostAsync(DryRun, upload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("5 MB", (await response.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString());
        output.WriteLine($"sent {upload.Sent / 1024 / 1024} MB of a 200 MB upload before the server answered");
        // Kestrel's default would have taken 30 MB and the form reader 128 MB (buffered to disk) before saying no.
        Assert.True(upload.Sent < 16L * 1024 * 1024, $"the server read {upload.Sent / 1024 / 1024} MB");
    }

    /// <summary>A multipart CSV upload of <c>totalBytes</c>, generated as it is sent, counting what the server took.</summary>
    private sealed class EndlessCsvUpload : HttpContent
    {
        private const string Boundary = "elimu-endless";
        private readonly long _total;
        public long Sent { get; private set; }

        public EndlessCsvUpload(long totalBytes)
        {
            _total = totalBytes;
            Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"endless.csv\"\r\nContent-Type: text/csv\r\n\r\nstudent_id,program\n"));
            var line = Encoding.ASCII.GetBytes($"{Guid.NewGuid()},Lake Region Scholars 2026\n");
            var block = Enumerable.Repeat(line, 64 * 1024 / line.Length).SelectMany(b => b).ToArray();
            while (Sent < _total)
            {
                await stream.WriteAsync(block);
                Sent += block.Length;
            }
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n"));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
