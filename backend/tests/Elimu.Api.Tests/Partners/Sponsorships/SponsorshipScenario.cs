using System.Net;
using System.Text.Json;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Tests.Partners.Sponsorships;

/// <summary>Builds programs and picks students over the API, the way a partner would.</summary>
public static class SponsorshipScenario
{
    public const string Programs = "/api/v1/partner/sponsorships/programs";

    public static object ProgramBody(string name = "Test cohort", int minChildren = 10, int? maxChildren = null) => new
    {
        name, description = "A test program", programType = "cohort", minChildren, maxChildren,
        billingPeriod = "monthly", pricePerChild = 1500m, currency = "KES",
        startDate = "2027-01-06", endDate = "2027-11-27", goals = new[] { new { title = "Everyone reads fluently", metric = "ME in English", target = 80m } },
    };

    public static async Task<ProgramResponse> CreateProgramAsync(this ApiClient client, string name = "Test cohort", int? maxChildren = null)
    {
        var response = await client.PostAsync(Programs, ProgramBody(name, maxChildren: maxChildren));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsyncWeb<ProgramResponse>())!;
    }

    /// <summary>Students no program of any partner holds yet, so tests do not trip over each other or the demo data.</summary>
    public static Task<List<Guid>> FreeStudentsAsync(this ElimuApiFactory api, int count) => api.WithDbAsync(async db =>
    {
        var taken = await db.SponsoredChildren.Where(c => c.Status != SponsoredChildStatus.REMOVED).Select(c => c.StudentId).ToListAsync();
        var free = await db.Students.Where(s => !taken.Contains(s.Id)).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
        if (free.Count < count) free.AddRange(await api.AddStudentsAsync(count - free.Count));
        return free.Take(count).ToList();
    });

    /// <summary>Fresh students (without guardians), for tests that need many.</summary>
    public static Task<List<Guid>> AddStudentsAsync(this ElimuApiFactory api, int count) => api.WithDbAsync(async db =>
    {
        var batch = Guid.NewGuid().ToString("N")[..6];
        var students = Enumerable.Range(0, count).Select(i => new Elimu.Api.Platform.Students.Student
        {
            FirstName = $"Test{i}", LastName = "Learner", DateOfBirth = new DateOnly(2015, 1, 1),
            Grade = Elimu.Api.Platform.Students.CbcGrade.Grade5, School = $"Test School {batch}", County = "Nairobi",
            AdmissionNumber = $"T{i:D5}",
        }).ToList();
        db.Students.AddRange(students);
        await db.SaveChangesAsync();
        return students.Select(s => s.Id).ToList();
    });

    public static async Task<ProgramResponse> ProgramWithChildrenAsync(this ElimuApiFactory api, ApiClient client, int children, string name = "Test cohort")
    {
        var program = await client.CreateProgramAsync(name);
        var ids = await api.FreeStudentsAsync(children);
        var added = await client.PostAsync($"{Programs}/{program.Id}/children", new { studentIds = ids });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        return await client.GetJsonAsync<ProgramResponse>($"{Programs}/{program.Id}");
    }

    /// <summary>A program with <paramref name="children"/> children, submitted and approved by the demo admin: ACTIVE.</summary>
    public static async Task<ProgramResponse> ActiveProgramWithChildrenAsync(this ElimuApiFactory api, ApiClient client, int children = 10,
        string name = "Test cohort")
    {
        var program = await api.ProgramWithChildrenAsync(client, children, name);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"{Programs}/{program.Id}/submit")).StatusCode);
        using var admin = await api.LoginAsync("admin@elimu.demo");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/v1/admin/sponsorship-programs/{program.Id}/approve")).StatusCode);
        return await client.GetJsonAsync<ProgramResponse>($"{Programs}/{program.Id}");
    }

    public static async Task<string?> CodeAsync(this HttpResponseMessage response) =>
        (await response.JsonAsync()).TryGetProperty("code", out var code) ? code.GetString() : null;

    public static async Task<T?> ReadFromJsonAsyncWeb<T>(this HttpContent content) =>
        JsonSerializer.Deserialize<T>(await content.ReadAsStringAsync(), ApiClient.Json);
}
