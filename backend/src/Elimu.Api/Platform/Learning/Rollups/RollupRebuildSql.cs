using Elimu.Api.Common;
using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Elimu.Api.Platform.Learning.Rollups;

/// <summary>
/// The rebuild's SQL: one <c>INSERT … SELECT … GROUP BY</c> that recomputes the daily rollups of a set of students from
/// the raw rows inside the database, as <see cref="RollupTally"/> counts them for the ingestion (the rollup tests hold
/// both to an independent recomputation). Per source row: a session adds its minutes and one session to its area (or
/// <see cref="LearningDayRollup.NoArea"/>) and to its device, and its start to "last session"; a completed lesson with
/// a completion time adds one to its course's area on the day it was completed; an assessment adds one and its score in
/// hundredths; an achievement adds one. Days are Nairobi days; Kenya keeps UTC+3 all year, so the day of an instant is
/// the date of the instant plus the zone's offset, on both databases.
/// </summary>
internal sealed class RollupRebuildSql(AppDbContext db)
{
    private readonly bool _postgres = db.Database.IsNpgsql();

    /// <summary>The statement for the students <paramref name="studentFilter"/> selects, given the column it filters (e.g. <c>s.student_id</c>).</summary>
    public string Insert(Func<string, string> studentFilter, string noAreaParameter)
    {
        string T<TEntity>() => Entity<TEntity>().GetTableName()!;
        string C<TEntity>(string property) => Entity<TEntity>().FindProperty(property)!.GetColumnName();
        var rollup = Entity<LearningDayRollup>();
        string R(string property) => rollup.FindProperty(property)!.GetColumnName();

        string student = C<ActivitySession>(nameof(ActivitySession.StudentId)), started = C<ActivitySession>(nameof(ActivitySession.StartedAt)),
            minutes = C<ActivitySession>(nameof(ActivitySession.DurationMinutes)), device = C<ActivitySession>(nameof(ActivitySession.Device)),
            sessionArea = C<ActivitySession>(nameof(ActivitySession.LearningAreaId));
        string Device(DeviceKind kind, string then) =>
            kind == DeviceKind.shared_lab // as the tally: a device that is none of the other three counts as a shared lab
                ? $"CASE WHEN s.{device} IN ('{DeviceKind.mobile}', '{DeviceKind.tablet}', '{DeviceKind.desktop}') THEN 0 ELSE {then} END"
                : $"CASE WHEN s.{device} = '{kind}' THEN {then} ELSE 0 END";
        (DeviceKind Kind, string Minutes, string Sessions)[] devices =
        [
            (DeviceKind.mobile, nameof(LearningDayRollup.MobileMinutes), nameof(LearningDayRollup.MobileSessions)),
            (DeviceKind.tablet, nameof(LearningDayRollup.TabletMinutes), nameof(LearningDayRollup.TabletSessions)),
            (DeviceKind.desktop, nameof(LearningDayRollup.DesktopMinutes), nameof(LearningDayRollup.DesktopSessions)),
            (DeviceKind.shared_lab, nameof(LearningDayRollup.SharedLabMinutes), nameof(LearningDayRollup.SharedLabSessions)),
        ];
        // The first branch names the derived table's columns after the rollup's own, in the rollup's order; the others follow it.
        var sessions =
            $"SELECT s.{student} AS {R(nameof(LearningDayRollup.StudentId))}, {Day($"s.{started}")} AS {R(nameof(LearningDayRollup.Day))}, " +
            $"COALESCE(s.{sessionArea}, {noAreaParameter}) AS {R(nameof(LearningDayRollup.LearningAreaId))}, " +
            $"s.{minutes} AS {R(nameof(LearningDayRollup.Minutes))}, 1 AS {R(nameof(LearningDayRollup.Sessions))}, " +
            $"s.{started} AS {R(nameof(LearningDayRollup.LastSessionAt))}, " +
            string.Join(", ", devices.Select(d => $"{Device(d.Kind, $"s.{minutes}")} AS {R(d.Minutes)}, {Device(d.Kind, "1")} AS {R(d.Sessions)}")) +
            $", 0 AS {R(nameof(LearningDayRollup.LessonsCompleted))}, 0 AS {R(nameof(LearningDayRollup.Assessments))}, " +
            $"0 AS {R(nameof(LearningDayRollup.AssessmentScoreHundredths))}, 0 AS {R(nameof(LearningDayRollup.Achievements))} " +
            $"FROM {T<ActivitySession>()} s WHERE {studentFilter($"s.{student}")}";

        const string noSession = "0, 0, NULL, 0, 0, 0, 0, 0, 0, 0, 0";
        string pStudent = C<LessonProgress>(nameof(LessonProgress.StudentId)), completed = C<LessonProgress>(nameof(LessonProgress.CompletedAt));
        var lessons =
            $"SELECT p.{pStudent}, {Day($"p.{completed}")}, c.{C<Course>(nameof(Course.LearningAreaId))}, {noSession}, 1, 0, 0, 0 " +
            $"FROM {T<LessonProgress>()} p JOIN {T<Lesson>()} l ON l.{C<Lesson>(nameof(Lesson.Id))} = p.{C<LessonProgress>(nameof(LessonProgress.LessonId))} " +
            $"JOIN {T<Course>()} c ON c.{C<Course>(nameof(Course.Id))} = l.{C<Lesson>(nameof(Lesson.CourseId))} " +
            $"WHERE p.{C<LessonProgress>(nameof(LessonProgress.Status))} = '{LessonStatus.completed}' AND p.{completed} IS NOT NULL AND {studentFilter($"p.{pStudent}")}";

        var aStudent = C<Assessment>(nameof(Assessment.StudentId));
        var assessments =
            $"SELECT a.{aStudent}, {Day($"a.{C<Assessment>(nameof(Assessment.AssessedAt))}")}, a.{C<Assessment>(nameof(Assessment.LearningAreaId))}, {noSession}, " +
            $"0, 1, {Hundredths($"a.{C<Assessment>(nameof(Assessment.Score))}")}, 0 FROM {T<Assessment>()} a WHERE {studentFilter($"a.{aStudent}")}";

        var wStudent = C<Achievement>(nameof(Achievement.StudentId));
        var achievements =
            $"SELECT w.{wStudent}, {Day($"w.{C<Achievement>(nameof(Achievement.AwardedAt))}")}, COALESCE(w.{C<Achievement>(nameof(Achievement.LearningAreaId))}, {noAreaParameter}), " +
            $"{noSession}, 0, 0, 0, 1 FROM {T<Achievement>()} w WHERE {studentFilter($"w.{wStudent}")}";

        var sums = new[]
        {
            nameof(LearningDayRollup.Minutes), nameof(LearningDayRollup.Sessions), nameof(LearningDayRollup.LastSessionAt),
            nameof(LearningDayRollup.MobileMinutes), nameof(LearningDayRollup.MobileSessions), nameof(LearningDayRollup.TabletMinutes),
            nameof(LearningDayRollup.TabletSessions), nameof(LearningDayRollup.DesktopMinutes), nameof(LearningDayRollup.DesktopSessions),
            nameof(LearningDayRollup.SharedLabMinutes), nameof(LearningDayRollup.SharedLabSessions), nameof(LearningDayRollup.LessonsCompleted),
            nameof(LearningDayRollup.Assessments), nameof(LearningDayRollup.AssessmentScoreHundredths), nameof(LearningDayRollup.Achievements),
        };
        var aggregates = sums.Select(p => p == nameof(LearningDayRollup.LastSessionAt) ? $"MAX(f.{R(p)})" : $"SUM(f.{R(p)})");
        return
            $"INSERT INTO {rollup.GetTableName()} ({R(nameof(LearningDayRollup.StudentId))}, {R(nameof(LearningDayRollup.Day))}, " +
            $"{R(nameof(LearningDayRollup.LearningAreaId))}, {string.Join(", ", sums.Select(R))}) " +
            $"SELECT f.{R(nameof(LearningDayRollup.StudentId))}, f.{R(nameof(LearningDayRollup.Day))}, f.{R(nameof(LearningDayRollup.LearningAreaId))}, " +
            $"{string.Join(", ", aggregates)} " +
            $"FROM ({sessions} UNION ALL {lessons} UNION ALL {assessments} UNION ALL {achievements}) f " +
            $"GROUP BY f.{R(nameof(LearningDayRollup.StudentId))}, f.{R(nameof(LearningDayRollup.Day))}, f.{R(nameof(LearningDayRollup.LearningAreaId))}";
    }

    /// <summary>The Nairobi day of a UTC instant column, as a value of the rollup's day column.</summary>
    private string Day(string utcInstant)
    {
        var minutes = (int)NairobiTime.Zone.BaseUtcOffset.TotalMinutes;
        // SQLite keeps instants as ISO text and days as 'yyyy-MM-dd', which date() returns; PostgreSQL has timestamptz and date.
        return _postgres ? $"CAST(({utcInstant} AT TIME ZONE 'UTC') + INTERVAL '{minutes} minutes' AS date)" : $"date({utcInstant}, '{minutes:+0;-0} minutes')";
    }

    /// <summary>A score (0–100, two decimals) in hundredths, rounded as <see cref="RollupTally.Hundredths"/> does.</summary>
    private string Hundredths(string score) =>
        // SQLite keeps decimals as text; a two-decimal score times 100 is within a rounding of an integer as a double.
        _postgres ? $"CAST(round({score} * 100) AS bigint)" : $"CAST(round(CAST({score} AS REAL) * 100) AS INTEGER)";

    private IEntityType Entity<TEntity>() => db.Model.FindEntityType(typeof(TEntity))!;
}
