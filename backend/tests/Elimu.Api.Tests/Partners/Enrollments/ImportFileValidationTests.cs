using System.Net;
using System.Text;
using Elimu.Api.Tests.Infrastructure;
using static Elimu.Api.Tests.Partners.Enrollments.ImportTestData;

namespace Elimu.Api.Tests.Partners.Enrollments;

/// <summary>Whatever is wrong with the file as a whole is a 400 naming <c>file</c> (never a 500), on both routes.</summary>
public sealed class ImportFileValidationTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private static readonly byte[] ZipHead = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x01, 0x02];

    public static TheoryData<string, string, byte[], string> BadFiles() => new()
    {
        { "wrong extension", "children.txt", Csv("student_id,program", "x,y"), ".csv or .xlsx" },
        { "old excel", "children.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], ".xlsx" },
        { "empty", "children.csv", [], "empty" },
        { "blank lines only", "children.csv", Csv("", "  ", ""), "empty" },
        { "header only", "children.csv", Csv("student_id,program"), "no rows" },
        { "no student columns", "children.csv", Csv("name,program", "Amani,Lake"), "student_id" },
        { "admission without school", "children.csv", Csv("admission_number,program", "A/1,Lake"), "school" },
        { "text named xlsx", "children.xlsx", Csv("student_id,program", "x,y"), "not an Excel workbook" },
        { "workbook named csv", "children.csv", ZipHead, "must be named .xlsx" },
        { "binary named csv", "children.csv", [0x00, 0x01, 0x02, 0x00, 0x41], "not a text file" },
        { "corrupt workbook", "children.xlsx", [.. ZipHead, .. Encoding.ASCII.GetBytes("garbage garbage garbage")], "could not be read" },
        { "broken quotes", "children.csv", Csv("student_id,program", "\"abc\"def,Lake"), "line 2" },
        { "no program column and no programId", "children.csv", Csv("student_id", Guid.NewGuid().ToString()), "program" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_a_400_on_file(string why, string fileName, byte[] content, string expected)
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        foreach (var route in new[] { DryRun, Commit })
        {
            var response = await UploadAsync(client, route, fileName, content);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{why} on {route}: {(int)response.StatusCode} {body}");
            var message = (await response.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString()!;
            Assert.Contains(expected, message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_request_without_a_file_is_a_400_on_file()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        using var form = new MultipartFormDataContent { { new StringContent("nothing"), "note" } };
        var response = await client.Http.PostAsync(DryRun, form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task A_json_body_is_a_400_on_file_not_a_missing_route()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var response = await client.PostAsync(DryRun, new { file = "children.csv" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("multipart/form-data", (await response.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString());
    }

    [Fact]
    public async Task A_file_over_5_MB_is_refused()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var line = Encoding.UTF8.GetBytes($"{Guid.NewGuid()},Lake Region Scholars 2026\n");
        var big = Encoding.UTF8.GetBytes("student_id,program\n").Concat(Enumerable.Repeat(line, 5 * 1024 * 1024 / line.Length + 10).SelectMany(l => l)).ToArray();

        var response = await UploadAsync(client, DryRun, "big.csv", big);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("5 MB", (await response.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString());
    }

    [Fact]
    public async Task More_than_20000_rows_are_refused()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var rows = Enumerable.Range(0, 20_001).Select(i => $"{i},Lake Region Scholars 2026");

        var response = await UploadAsync(client, DryRun, "many.csv", Csv(["student_id,program", .. rows]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("20,000", (await response.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString());
    }

    [Fact]
    public async Task A_malformed_programId_is_a_400_on_programId()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var response = await UploadAsync(client, DryRun, "c.csv", Csv("student_id", Guid.NewGuid().ToString()), "not-an-id");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("programId", out _));
    }
}
