using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Learning;

/// <summary>Aggregates over learning activity for a set of students given as a composable query.</summary>
public sealed class LearningStats(AppDbContext db)
{
    /// <summary>Average minutes per student per week over [fromUtc, toUtc); students with no activity count as zero.</summary>
    public async Task<decimal> AverageWeeklyMinutesAsync(IQueryable<Guid> studentIds, DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var perStudent = await db.ActivitySessions
            .Where(s => studentIds.Contains(s.StudentId) && s.StartedAt >= fromUtc && s.StartedAt < toUtc)
            .GroupBy(s => s.StudentId).Select(g => g.Sum(s => s.DurationMinutes))
            .ToListAsync(ct);
        var students = await studentIds.CountAsync(ct);
        var weeks = (decimal)(toUtc - fromUtc).TotalDays / 7m;
        return students == 0 || weeks <= 0 ? 0 : Math.Round((decimal)perStudent.Sum() / students / weeks, 1);
    }

    /// <summary>Card figures for many students in two queries (sessions of the last 14 days, assessment averages).</summary>
    public async Task<Dictionary<Guid, StudentCardFigures>> CardFiguresAsync(IReadOnlyCollection<Guid> studentIds, DateTime nowUtc, CancellationToken ct)
    {
        var weekAgo = nowUtc.AddDays(-7);
        var twoWeeksAgo = nowUtc.AddDays(-14);
        var sessions = await db.ActivitySessions
            .Where(s => studentIds.Contains(s.StudentId) && s.StartedAt >= twoWeeksAgo && s.StartedAt <= nowUtc)
            .Select(s => new { s.StudentId, s.StartedAt, s.DurationMinutes }).ToListAsync(ct);
        var lastActive = await db.ActivitySessions.Where(s => studentIds.Contains(s.StudentId))
            .GroupBy(s => s.StudentId).Select(g => new { Id = g.Key, Last = g.Max(s => s.StartedAt) })
            .ToDictionaryAsync(x => x.Id, x => x.Last, ct);
        var scores = await db.Assessments.Where(a => studentIds.Contains(a.StudentId))
            .Select(a => new { a.StudentId, a.Score }).ToListAsync(ct);
        return studentIds.Distinct().ToDictionary(id => id, id =>
        {
            var mine = sessions.Where(s => s.StudentId == id).ToList();
            var marks = scores.Where(a => a.StudentId == id).Select(a => a.Score).ToList();
            return new StudentCardFigures(id,
                mine.Where(s => s.StartedAt >= weekAgo).Sum(s => s.DurationMinutes),
                mine.Where(s => s.StartedAt < weekAgo).Sum(s => s.DurationMinutes),
                lastActive.TryGetValue(id, out var last) ? last : null,
                marks.Count == 0 ? null : Math.Round(marks.Average(), 1));
        });
    }

    /// <summary>Students in the set with no session since <paramref name="sinceUtc"/>: the "inactive 7+ days" alert.</summary>
    public Task<int> CountInactiveAsync(IQueryable<Guid> studentIds, DateTime sinceUtc, CancellationToken ct) =>
        studentIds.CountAsync(id => !db.ActivitySessions.Any(s => s.StudentId == id && s.StartedAt >= sinceUtc), ct);
}

/// <summary>What a child's card shows: minutes in the last 7 days and the 7 before, last activity, average score.</summary>
public sealed record StudentCardFigures(Guid StudentId, int MinutesThisWeek, int MinutesLastWeek, DateTime? LastActiveAt, decimal? AverageScore);
