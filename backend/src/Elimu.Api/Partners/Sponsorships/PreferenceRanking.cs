using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Platform.Students;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>
/// Orders available students by a program's preferences (issue 20) and says why each ranks where it does. First come the
/// children the platform policy offers to every partner first (waiting longer than the admin's <see cref="SponsorshipPolicies"/>
/// without a sponsor), then the most preferences met, then (with "greatest need first") the longest wait, then the
/// unranked order. The score is computed in the database so a page is one query; schools and learning needs count but
/// are never named in a reason, as a preview never shows them before consent.
/// </summary>
public sealed class PreferenceRanking(AppDbContext db, SponsorshipPolicies policies, TimeProvider clock)
{
    public async Task<Paged<StudentPreview>> RankAsync(IQueryable<Student> available, ProgramPreferences prefs, PageRequest page,
        int total, CancellationToken ct)
    {
        var grades = prefs.Grades.Select(g => Enum.TryParse<CbcGrade>(g, out var v) ? v : (CbcGrade?)null).OfType<CbcGrade>().ToList();
        var counties = prefs.Counties;
        var schools = prefs.Schools;
        var needs = prefs.LearningNeeds;
        Gender? gender = Enum.TryParse<Gender>(prefs.Gender, out var g) ? g : null;
        var anyGrade = grades.Count > 0; var anyCounty = counties.Count > 0; var anySchool = schools.Count > 0; var anyNeed = needs.Count > 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var cutoff = now.AddDays(-await policies.OfferToAllAfterDaysAsync(ct));
        var longestWait = prefs.GreatestNeed == GreatestNeed.longest_wait;

        // Waiting since: the end of the student's last sponsorship with any partner (left, released or removed), else
        // when they joined Elimu; a student some partner still holds is not waiting (null).
        var scored = available.Select(s => new
        {
            Student = s,
            Grade = anyGrade && grades.Contains(s.Grade),
            County = anyCounty && counties.Contains(s.County),
            School = anySchool && schools.Contains(s.School),
            Gender = gender != null && s.Gender == gender,
            Need = anyNeed && s.LearningNeeds.Any(n => needs.Contains(n)),
            Held = db.SponsoredChildren.Any(c => c.StudentId == s.Id && c.Status != SponsoredChildStatus.REMOVED && c.ReleasedAt == null),
            LastEnd = db.SponsoredChildren.Where(c => c.StudentId == s.Id).Max(c => c.LeftAt ?? c.ReleasedAt ?? c.RemovedAt),
        }).Select(x => new
        {
            x.Student, x.Grade, x.County, x.School, x.Gender, x.Need, x.Held,
            Since = x.LastEnd ?? x.Student.CreatedAt,
            Score = (x.Grade ? 1 : 0) + (x.County ? 1 : 0) + (x.School ? 1 : 0) + (x.Gender ? 1 : 0) + (x.Need ? 1 : 0),
        });
        var ordered = scored.OrderByDescending(x => !x.Held && x.Since <= cutoff).ThenByDescending(x => x.Score)
            .ThenBy(x => longestWait ? (x.Held ? now : x.Since) : now)
            .ThenBy(x => x.Student.County).ThenBy(x => x.Student.Grade).ThenBy(x => x.Student.FirstName).ThenBy(x => x.Student.Id);
        var rows = await ordered.Skip(page.Skip).Take(page.PageSize)
            .Select(x => new
            {
                x.Student.Id, x.Student.FirstName, x.Student.LastName, StudentGrade = x.Student.Grade, StudentCounty = x.Student.County,
                x.Grade, x.County, x.School, x.Gender, x.Need, x.Held, x.Since, x.Score,
            }).ToListAsync(ct);

        var items = rows.Select(r =>
        {
            var reasons = new List<string>();
            var waitingDays = r.Held ? (int?)null : Math.Max(0, (int)(now - r.Since).TotalDays);
            if (waitingDays is { } w && r.Since <= cutoff) reasons.Add($"Waiting {w} days: offered to every partner first");
            if (r.Grade) reasons.Add($"{GradeWords(r.StudentGrade)} — preferred");
            if (r.County) reasons.Add($"{r.StudentCounty} — preferred");
            if (r.School) reasons.Add("At a preferred school");
            if (r.Gender) reasons.Add($"{(gender == Gender.female ? "Girl" : "Boy")} — preferred");
            if (r.Need) reasons.Add("Matches a preferred learning need");
            if (waitingDays is { } days && longestWait && r.Since > cutoff) reasons.Add($"Waiting {days} days");
            var preview = StudentDirectory.Preview(new Student { Id = r.Id, FirstName = r.FirstName, LastName = r.LastName, Grade = r.StudentGrade, County = r.StudentCounty });
            return preview with { MatchScore = r.Score, MatchReasons = reasons };
        }).ToList();
        return new Paged<StudentPreview>(items, page.Page, page.PageSize, total);
    }

    /// <summary>"Grade 5", "PP1": as the pages write a grade (Sponsorships reads no Platform.Learning type, not even its labels).</summary>
    private static string GradeWords(CbcGrade grade) =>
        System.Text.RegularExpressions.Regex.Replace(grade.ToString(), @"^Grade(\d+)$", "Grade $1");
}
