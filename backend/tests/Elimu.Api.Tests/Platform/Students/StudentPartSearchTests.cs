using Elimu.Api.Common;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Tests.Platform.Students;

/// <summary>
/// Issue 15: the available-students search keeps its meaning now that SQLite answers a part of a first name or school
/// from a trigram full-text table (kept by triggers) and the page leaves out held and opted-out students with
/// per-student lookups; and the SQLite file runs in WAL mode so reads do not wait for the audit writer.
/// </summary>
public sealed class StudentPartSearchTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private const string Available = "/api/v1/partner/sponsorships/available-students";

    [Fact]
    public async Task A_student_added_or_renamed_after_the_migration_is_found_by_the_new_name_and_not_the_old()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var tag = Tag();
        var id = await api.WithDbAsync(async db =>
        {
            var s = NewStudent($"Chebet{tag}", $"Kiprono{tag}", $"Rift {tag} Primary", $"RF/{tag}");
            db.Students.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        Assert.Equal([id], await FindAsync(partner, $"hebet{tag}"));
        Assert.Equal([id], await FindAsync(partner, $"ift {tag} pri"));

        await api.WithDbAsync(db => db.Students.Where(s => s.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.FirstName, $"Jeptoo{tag}").SetProperty(s => s.School, $"Valley {tag} Academy")));

        Assert.Equal([id], await FindAsync(partner, $"eptoo{tag}"));
        Assert.Equal([id], await FindAsync(partner, $"valley {tag}"));
        Assert.Empty(await FindAsync(partner, $"hebet{tag}"));
        Assert.Empty(await FindAsync(partner, $"rift {tag}"));

        await api.WithDbAsync(db => db.Students.Where(s => s.Id == id).ExecuteDeleteAsync());
        Assert.Empty(await FindAsync(partner, $"eptoo{tag}"));
    }

    [Fact]
    public async Task Quotes_and_full_text_syntax_in_a_term_are_taken_literally()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var tag = Tag();
        var (quoted, apostrophe) = await api.WithDbAsync(async db =>
        {
            var a = NewStudent($"Wa\"ngari{tag}", $"Maina{tag}", $"Kiambu {tag} School", $"KB/{tag}");
            var b = NewStudent($"Nyokabi{tag}", $"Muthoni{tag}", $"St. Mary's {tag} Academy", $"SM/{tag}");
            db.Students.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });

        Assert.Equal([quoted], await FindAsync(partner, $"a\"ngari{tag}"));
        Assert.Equal([apostrophe], await FindAsync(partner, $"mary's {tag}"));
        Assert.Empty(await FindAsync(partner, $"ngari{tag}\" OR \"nyokabi{tag}"));
        Assert.Empty(await FindAsync(partner, $"nyoka* {tag}"));
        Assert.Empty(await FindAsync(partner, $"NEAR(nyokabi{tag})"));
        foreach (var odd in new[] { "\"", "\"\"", "'", "*", "a\"b", "^x", ":" })
            Assert.Equal(System.Net.HttpStatusCode.OK, (await partner.GetAsync($"{Available}?search={Uri.EscapeDataString(odd)}")).StatusCode);
    }

    [Fact]
    public async Task The_total_without_filters_is_the_sum_of_the_totals_per_grade()
    {
        // The unfiltered total is counted from the excluded side (students minus the partner's held places minus
        // opted-out students); every filtered total by looking each matching student up. Both must agree.
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var all = await partner.GetJsonAsync<Paged<StudentPreview>>($"{Available}?pageSize=1");
        var perGrade = 0;
        foreach (var grade in Enum.GetValues<CbcGrade>())
            perGrade += (await partner.GetJsonAsync<Paged<StudentPreview>>($"{Available}?pageSize=1&grade={grade}")).Total;
        Assert.Equal(perGrade, all.Total);
        var students = await api.WithDbAsync(db => db.Students.CountAsync());
        Assert.True(all.Total < students, "the demo partner's children and opted-out students are left out");
    }

    [Fact]
    public async Task The_sqlite_file_is_in_write_ahead_log_mode_once_the_host_has_started()
    {
        if (api.Database.IsPostgres) return;
        using var partner = await api.LoginAsync("partner@elimu.demo");
        await using var connection = new SqliteConnection(api.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    private static async Task<List<Guid>> FindAsync(ApiClient partner, string term) =>
        (await partner.GetJsonAsync<Paged<StudentPreview>>($"{Available}?pageSize=100&search={Uri.EscapeDataString(term)}"))
            .Items.Select(s => s.StudentId).ToList();

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    private static Student NewStudent(string first, string last, string school, string admission) => new()
    {
        FirstName = first, LastName = last, DateOfBirth = new DateOnly(2015, 3, 1), Grade = CbcGrade.Grade4,
        School = school, County = "Nyeri", AdmissionNumber = admission,
    };
}
