using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Elimu.Api.Tests.Finance;
using Elimu.Api.Tests.Partners.Ai;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using UglyToad.PdfPig;
using static Elimu.Api.Tests.Partners.Analytics.RoiTestKit;

namespace Elimu.Api.Tests.Partners.Analytics;

/// <summary>Saved custom reports: definitions checked against the catalogue, runs over consented children, exports read back.</summary>
public sealed class CustomReportApiTests(AiInsightsApiFactory api) : IClassFixture<AiInsightsApiFactory>
{
    private static object Definition(string groupBy, string[] metrics, object? filters = null, string chart = "bar") => new
    {
        name = "Maths by program",
        description = "Consented children's learning",
        definition = new { metrics, groupBy, chartType = chart, filters = filters ?? new { from = From, to = Today } },
    };

    [Fact]
    public async Task An_unknown_metric_grouping_or_filter_is_a_422_naming_the_field_and_nothing_is_saved()
    {
        var story = await api.StoryAsync();
        var bad = await story.Client.PostAsync(Reports, Definition("program", ["learning_hours", "DROP TABLE students"]))
            .ExpectAsync(HttpStatusCode.UnprocessableEntity);
        var errors = bad.GetProperty("errors");
        Assert.Contains("DROP TABLE", errors.GetProperty("definition.metrics[1]")[0].GetString());
        Assert.False(errors.TryGetProperty("definition.metrics[0]", out _));

        bad = await story.Client.PostAsync(Reports, Definition("school", ["learning_hours"], new { grades = new[] { "Grade9000" }, programIds = new[] { Guid.NewGuid() } }))
            .ExpectAsync(HttpStatusCode.UnprocessableEntity);
        errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("definition.groupBy", out _));
        Assert.True(errors.TryGetProperty("definition.filters.grades[0]", out _));
        Assert.True(errors.TryGetProperty("definition.filters.programIds[0]", out _));

        // Counting children by month means nothing: refused by name.
        bad = await story.Client.PostAsync(Reports, Definition("month", ["consented_children"])).ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.True(bad.GetProperty("errors").TryGetProperty("definition.metrics[0]", out _));

        var list = await story.Client.GetAsync(Reports).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Contains(list.GetProperty("catalog").GetProperty("metrics").EnumerateArray(), m => m.GetProperty("key").GetString() == "learning_hours");
    }

    [Fact]
    public async Task A_saved_report_runs_over_consented_children_only_and_belongs_to_its_partner()
    {
        var story = await api.StoryAsync();
        var created = await story.Client.PostAsync(Reports,
            Definition("program", ["consented_children", "active_children", "learning_hours", "average_score"])).ExpectAsync(HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        var run = await story.Client.PostAsync($"{Reports}/{id}/run").ExpectAsync(HttpStatusCode.OK);
        var row = Assert.Single(run.GetProperty("rows").EnumerateArray());
        Assert.Equal("Kisumu readers", row.GetProperty("label").GetString());
        var values = row.GetProperty("values");
        Assert.Equal(2m, values.GetProperty("consented_children").GetDecimal());
        Assert.Equal(2m, values.GetProperty("active_children").GetDecimal());
        Assert.Equal(3m, values.GetProperty("learning_hours").GetDecimal());
        Assert.Equal(75m, values.GetProperty("average_score").GetDecimal()); // (85 + 65) / 2; Chausiku's 90 left out
        Assert.Equal(3m, run.GetProperty("totals").GetProperty("learning_hours").GetDecimal());

        // By learning area and by week the totals are not sums of rows, and still count only the consented two.
        var update = await story.Client.PutAsync($"{Reports}/{id}", Definition("week", ["active_children", "learning_hours"], chart: "line"))
            .ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("week", update.GetProperty("definition").GetProperty("groupBy").GetString());
        run = await story.Client.PostAsync($"{Reports}/{id}/run").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(5, run.GetProperty("rows").GetArrayLength());
        Assert.Equal(2m, run.GetProperty("totals").GetProperty("active_children").GetDecimal());
        Assert.Equal(3m, run.GetProperty("totals").GetProperty("learning_hours").GetDecimal());

        var (_, stranger) = await api.PartnerAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"{Reports}/{id}/run")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Reports}/{id}/export?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsync($"{Reports}/{id}", Definition("program", ["sessions"]))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"{Reports}/{id}")).StatusCode);
        Assert.Equal(0, (await stranger.GetAsync(Reports).ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await story.Client.DeleteAsync($"{Reports}/{id}")).StatusCode);
        Assert.Equal(0, (await story.Client.GetAsync(Reports).ExpectAsync(HttpStatusCode.OK)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Exports_read_back_as_the_runs_figures_and_are_in_the_audit_log()
    {
        var story = await api.StoryAsync();
        var id = (await story.Client.PostAsync(Reports,
            Definition("program", ["consented_children", "learning_hours", "average_score"])).ExpectAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var run = await story.Client.PostAsync($"{Reports}/{id}/run").ExpectAsync(HttpStatusCode.OK);
        var values = run.GetProperty("rows")[0].GetProperty("values");

        var csv = await story.Client.GetAsync($"{Reports}/{id}/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        // Read as Excel would (the byte-order mark included), with CsvHelper.
        var rows = new List<string?[]>();
        using (var reader = CsvReader.Create(new MemoryStream(bytes), new CsvReaderOptions { HasHeader = false }))
            while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        Assert.Equal(["Program", "Consented children", "Learning hours", "Average score (%)"], rows[0]);
        Assert.Equal(3, rows.Count); // header, the program, Total
        Assert.Equal("Kisumu readers", rows[1][0]);
        Assert.Equal(values.GetProperty("consented_children").GetDecimal(), decimal.Parse(rows[1][1]!, CultureInfo.InvariantCulture));
        Assert.Equal(values.GetProperty("learning_hours").GetDecimal(), decimal.Parse(rows[1][2]!, CultureInfo.InvariantCulture));
        Assert.Equal(values.GetProperty("average_score").GetDecimal(), decimal.Parse(rows[1][3]!, CultureInfo.InvariantCulture));
        Assert.Equal("Total", rows[2][0]);

        var xlsx = await story.Client.GetAsync($"{Reports}/{id}/export?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            var sheet = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            Assert.Equal("Kisumu readers", sheet[0]["Program"]);
            // Typed cells: numbers come back as numbers, not text.
            Assert.Equal(2d, Assert.IsType<double>(sheet[0]["Consented children"]));
            Assert.Equal((double)values.GetProperty("learning_hours").GetDecimal(), Assert.IsType<double>(sheet[0]["Learning hours"]));
            Assert.Equal((double)values.GetProperty("average_score").GetDecimal(), Assert.IsType<double>(sheet[0]["Average score (%)"]));
        }

        var pdf = await story.Client.GetAsync($"{Reports}/{id}/export?format=pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using (var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync()))
        {
            Assert.True(document.NumberOfPages >= 3, "cover, chart, table");
            var cover = document.GetPage(1).Text;
            Assert.Contains("Maths by program", cover);
            Assert.NotEmpty(document.GetPage(2).GetImages());
            var table = string.Join(" ", document.GetPages().Skip(2).Select(p => p.Text));
            Assert.Contains("Kisumu readers", table);
            Assert.Contains(values.GetProperty("learning_hours").GetDecimal().ToString("0.##", CultureInfo.InvariantCulture), table);
            Assert.Contains(values.GetProperty("average_score").GetDecimal().ToString("0.##", CultureInfo.InvariantCulture), table);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await story.Client.GetAsync($"{Reports}/{id}/export?format=docx")).StatusCode);
        var audited = await api.WithDbAsync(db => db.AuditLog.Where(a => a.PartnerId == story.PartnerId && a.Action == "analytics.report.export")
            .Select(a => a.Details!).ToListAsync());
        Assert.Equal(3, audited.Count);
        Assert.Contains(audited, d => d.StartsWith("format: xlsx"));
    }
}
