using Elimu.Api.Common;

namespace Elimu.Api.Platform.Learning.Rollups;

/// <summary>
/// How raw learning rows count into daily rollups, as the ingestion tallies a batch's new rows (and subtracts a
/// lesson's earlier completion when it moves). The rebuild counts with the same definition written in SQL
/// (<see cref="RollupRebuildSql"/>); the rollup tests hold both to an independent recomputation. A fact belongs to the Nairobi day of its instant, as <see cref="LearningWeek"/> counts.
/// </summary>
public sealed class RollupTally
{
    private readonly Dictionary<(Guid Student, DateOnly Day, Guid Area), LearningDayRollup> _rows = [];

    public IReadOnlyCollection<LearningDayRollup> Rows => _rows.Values;

    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(NairobiTime.ToNairobi(utc));

    public void Session(Guid studentId, DateTime startedAt, int minutes, DeviceKind device, Guid? areaId)
    {
        var row = Row(studentId, startedAt, areaId);
        row.Minutes += minutes;
        row.Sessions++;
        if (row.LastSessionAt is null || startedAt > row.LastSessionAt) row.LastSessionAt = startedAt;
        switch (device)
        {
            case DeviceKind.mobile: row.MobileMinutes += minutes; row.MobileSessions++; break;
            case DeviceKind.tablet: row.TabletMinutes += minutes; row.TabletSessions++; break;
            case DeviceKind.desktop: row.DesktopMinutes += minutes; row.DesktopSessions++; break;
            default: row.SharedLabMinutes += minutes; row.SharedLabSessions++; break;
        }
    }

    /// <summary>A completed lesson counts on the day it was completed; <paramref name="sign"/> −1 takes an earlier completion back.</summary>
    public void LessonCompleted(Guid studentId, DateTime completedAt, Guid areaId, int sign = 1) =>
        Row(studentId, completedAt, areaId).LessonsCompleted += sign;

    public void Assessment(Guid studentId, DateTime assessedAt, Guid areaId, decimal score)
    {
        var row = Row(studentId, assessedAt, areaId);
        row.Assessments++;
        row.AssessmentScoreHundredths += Hundredths(score);
    }

    public void Achievement(Guid studentId, DateTime awardedAt, Guid? areaId) => Row(studentId, awardedAt, areaId).Achievements++;

    public static long Hundredths(decimal score) => (long)decimal.Round(score * 100m, MidpointRounding.AwayFromZero);

    /// <summary>Adds <paramref name="delta"/> into <paramref name="target"/> (the stored row): counts add, the last session is the later one.</summary>
    public static void AddInto(LearningDayRollup target, LearningDayRollup delta)
    {
        target.Minutes += delta.Minutes; target.Sessions += delta.Sessions;
        if (delta.LastSessionAt is { } at && (target.LastSessionAt is null || at > target.LastSessionAt)) target.LastSessionAt = at;
        target.MobileMinutes += delta.MobileMinutes; target.MobileSessions += delta.MobileSessions;
        target.TabletMinutes += delta.TabletMinutes; target.TabletSessions += delta.TabletSessions;
        target.DesktopMinutes += delta.DesktopMinutes; target.DesktopSessions += delta.DesktopSessions;
        target.SharedLabMinutes += delta.SharedLabMinutes; target.SharedLabSessions += delta.SharedLabSessions;
        target.LessonsCompleted += delta.LessonsCompleted;
        target.Assessments += delta.Assessments; target.AssessmentScoreHundredths += delta.AssessmentScoreHundredths;
        target.Achievements += delta.Achievements;
    }

    private LearningDayRollup Row(Guid studentId, DateTime utc, Guid? areaId)
    {
        var key = (studentId, DayOf(utc), areaId ?? LearningDayRollup.NoArea);
        if (!_rows.TryGetValue(key, out var row))
            _rows[key] = row = new LearningDayRollup { StudentId = key.studentId, Day = key.Item2, LearningAreaId = key.Item3 };
        return row;
    }
}
