using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Elimu.Api.Partners.Enrollments;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using MiniExcelLibs;

namespace Elimu.Api.Tests.Partners.Enrollments;

/// <summary>Files, students and programs for the import tests; every test makes its own so the tests stay independent.</summary>
public static class ImportTestData
{
    public const string DryRun = "/api/v1/partner/enrollments/imports/dry-run";
    public const string Commit = "/api/v1/partner/enrollments/imports/commit";
    public const string Header = "student_id,admission_number,school,program";

    /// <summary>Fresh students at a school of their own, admission numbers PREFIX/0001, PREFIX/0002, ...</summary>
    public static async Task<List<Student>> CreateStudentsAsync(ElimuApiFactory api, int count, string? school = null, string prefix = "ADM")
    {
        school ??= $"Test School {Guid.NewGuid():N}";
        var students = Enumerable.Range(1, count).Select(i => new Student
        {
            FirstName = $"Learner{i}", LastName = $"Surname{i}", DateOfBirth = new DateOnly(2014, 1, 1).AddDays(i % 365),
            Gender = i % 2 == 0 ? Gender.female : Gender.male, Grade = CbcGrade.Grade5, School = school, County = "Kisumu",
            AdmissionNumber = $"{prefix}/{i:D4}",
        }).ToList();
        await api.WithDbAsync(async db => { db.Students.AddRange(students); await db.SaveChangesAsync(); });
        return students;
    }

    /// <summary>A DRAFT cohort program of the signed-in partner, created over HTTP like the dashboard does.</summary>
    public static async Task<Guid> CreateProgramAsync(ApiClient client, string? name = null, int? maxChildren = null)
    {
        var response = await client.PostAsync("/api/v1/partner/sponsorships/programs", new
        {
            name = name ?? $"Import test {Guid.NewGuid():N}", programType = "cohort", minChildren = 10, maxChildren,
            billingPeriod = "monthly", pricePerChild = 1500, currency = "KES",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetGuid();
    }

    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");

    public static string Line(string? studentId, string? admission, string? school, string? program) =>
        string.Join(",", new[] { studentId, admission, school, program }.Select(Quote));

    public static byte[] Xlsx(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    public static Task<HttpResponseMessage> UploadAsync(ApiClient client, string url, string fileName, byte[] content,
        string? programId = null)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx")
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(file, "file", fileName);
        if (programId is not null) form.Add(new StringContent(programId), "programId");
        return client.Http.PostAsync(url, form);
    }

    public static async Task<ImportDryRunResponse> DryRunAsync(ApiClient client, string fileName, byte[] content, string? programId = null)
    {
        var response = await UploadAsync(client, DryRun, fileName, content, programId);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"dry run: {(int)response.StatusCode} {body}");
        return System.Text.Json.JsonSerializer.Deserialize<ImportDryRunResponse>(body, ApiClient.Json)!;
    }

    private static string Quote(string? cell) =>
        cell is null ? "" : cell.Contains(',') || cell.Contains('"') ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;
}
