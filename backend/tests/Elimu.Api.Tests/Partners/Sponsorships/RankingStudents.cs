using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Elimu.Api.Tests.Partners.Sponsorships;

/// <summary>Hand-built available students for the preference ranking tests.</summary>
internal static class RankingStudents
{
    /// <summary>Students of a school no other test uses, so a search by that school sees only them; each joined Elimu <c>DaysAgo</c> days ago.</summary>
    public static Task<(string School, List<Guid> Ids)> HandBuiltStudentsAsync(this ElimuApiFactory api,
        params (CbcGrade Grade, string County, Gender Gender, int DaysAgo)[] rows) =>
        api.WithDbAsync(async db =>
        {
            var school = $"Ranking School {Guid.NewGuid():N}"[..30];
            var now = api.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var students = rows.Select((r, i) => new Student
            {
                FirstName = $"Rank{i}", LastName = "Learner", DateOfBirth = new DateOnly(2015, 1, 1), Grade = r.Grade, County = r.County,
                Gender = r.Gender, School = school, AdmissionNumber = $"R{Guid.NewGuid():N}"[..12], CreatedAt = now.AddDays(-r.DaysAgo),
            }).ToList();
            db.Students.AddRange(students);
            await db.SaveChangesAsync();
            return (school, students.Select(s => s.Id).ToList());
        });
}
