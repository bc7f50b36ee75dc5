using System.Diagnostics;
using System.Net;
using Elimu.Api.Tests.Infrastructure;
using static Elimu.Api.Tests.Partners.Enrollments.ImportTestData;

namespace Elimu.Api.Tests.Partners.Enrollments;

/// <summary>
/// Reading a file has a time budget (Imports:ParseTimeout). Here it is 1 ms, far less than a 20,000-row workbook takes
/// to read even on a warm, fast machine (50 ms was not: a CI run read the file within it), so the reader must give up
/// part way through and answer a clear 400 on <c>file</c>, not a 500.
/// </summary>
public sealed class ImportTimeBudgetTests(ImportTimeBudgetTests.Factory api) : IClassFixture<ImportTimeBudgetTests.Factory>
{
    [Fact]
    public async Task A_file_that_takes_longer_than_the_budget_is_a_400_on_file()
    {
        var workbook = Xlsx(Enumerable.Range(1, 20_000).Select(i => new Dictionary<string, object?>
        {
            ["student_id"] = Guid.NewGuid().ToString(), ["program"] = "Lake Region Scholars 2026",
        }));
        using var client = await api.LoginAsync("partner@elimu.demo");

        var clock = Stopwatch.StartNew();
        var response = await UploadAsync(client, DryRun, "slow.xlsx", workbook);
        clock.Stop();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var message = (await response.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString();
        Assert.Contains("took longer than", message);
        // Stopped at the budget, not after reading (and matching) all 20,000 rows, which takes seconds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.ElapsedMilliseconds} ms");
    }

    public sealed class Factory : SeededApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Imports:ParseTimeout"] = "00:00:00.001",
        };
    }
}
