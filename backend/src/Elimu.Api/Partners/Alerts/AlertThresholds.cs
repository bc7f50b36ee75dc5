using Elimu.Api.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Elimu.Api.Partners.Alerts;

/// <summary>
/// The thresholds that raise child alerts, every one nullable: null inherits (a child from its program, a program from
/// <see cref="Defaults"/>). One row per program that set any, one per child that overrides any.
/// </summary>
public class AlertThresholdSet
{
    /// <summary>The program's id for a program's row, the sponsored child's id for a child's override.</summary>
    public Guid OwnerId { get; set; }
    public Guid PartnerId { get; set; }
    public Guid ProgramId { get; set; }
    /// <summary>Null on the program's row.</summary>
    public Guid? SponsoredChildId { get; set; }
    public int? DaysInactive { get; set; }
    public int? ScoreFallPoints { get; set; }
    public int? ScoreFallWeeks { get; set; }
    public int? WeeklyMinutesBelow { get; set; }
    public int? GoalDaysLeft { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid UpdatedBy { get; set; }

    public AlertThresholdValues Values => new(DaysInactive, ScoreFallPoints, ScoreFallWeeks, WeeklyMinutesBelow, GoalDaysLeft);
}

/// <summary>
/// Thresholds as set (nulls inherit) or as they apply (no nulls, after <see cref="Over"/>).
/// <list type="bullet">
/// <item><b>DaysInactive</b>: alert when the child has had no learning session for this many Nairobi days (today counts as
/// one: 7 = nothing in the last 7 days, the learning week of ADR 0005).</item>
/// <item><b>ScoreFallPoints / ScoreFallWeeks</b>: alert when the average assessment score of the last N learning weeks is at
/// least this many points below the N weeks before them (both windows need an assessment).</item>
/// <item><b>WeeklyMinutesBelow</b>: alert when the child learned fewer minutes than this in the current learning week, unless
/// the inactivity alert already holds for it (one alert says it, not two); 0 turns it off.</item>
/// <item><b>GoalDaysLeft</b>: a goal (the partner's child goals) is at risk when it is not reached and either its due date has
/// passed, or it is due within this many days with less than 75% done (the goals view's "at risk" with the default 14).</item>
/// </list>
/// </summary>
public sealed record AlertThresholdValues(int? DaysInactive, int? ScoreFallPoints, int? ScoreFallWeeks, int? WeeklyMinutesBelow, int? GoalDaysLeft)
{
    public static readonly AlertThresholdValues Defaults = new(7, 10, 4, 30, 14);
    public static readonly AlertThresholdValues None = new(null, null, null, null, null);

    public static readonly (int Min, int Max) DaysInactiveRange = (1, 90);
    public static readonly (int Min, int Max) ScoreFallPointsRange = (1, 100);
    public static readonly (int Min, int Max) ScoreFallWeeksRange = (1, 8);
    public static readonly (int Min, int Max) WeeklyMinutesRange = (0, 1000);
    public static readonly (int Min, int Max) GoalDaysLeftRange = (0, 90);

    /// <summary>These values where set, <paramref name="inherited"/>'s where not.</summary>
    public AlertThresholdValues Over(AlertThresholdValues inherited) => new(DaysInactive ?? inherited.DaysInactive,
        ScoreFallPoints ?? inherited.ScoreFallPoints, ScoreFallWeeks ?? inherited.ScoreFallWeeks,
        WeeklyMinutesBelow ?? inherited.WeeklyMinutesBelow, GoalDaysLeft ?? inherited.GoalDaysLeft);

    public bool IsEmpty => this == None;

    /// <summary>A 400 naming each field out of its range; nothing is stored.</summary>
    public void EnsureValid()
    {
        var errors = new Dictionary<string, string[]>();
        void Check(string field, int? value, (int Min, int Max) range, string what)
        {
            if (value is { } v && (v < range.Min || v > range.Max))
                errors[field] = [$"{what} must be from {range.Min} to {range.Max} (or empty to inherit)."];
        }
        Check("daysInactive", DaysInactive, DaysInactiveRange, "Days inactive");
        Check("scoreFallPoints", ScoreFallPoints, ScoreFallPointsRange, "The score fall in points");
        Check("scoreFallWeeks", ScoreFallWeeks, ScoreFallWeeksRange, "The weeks a score fall is measured over");
        Check("weeklyMinutesBelow", WeeklyMinutesBelow, WeeklyMinutesRange, "Weekly minutes (0 turns the alert off)");
        Check("goalDaysLeft", GoalDaysLeft, GoalDaysLeftRange, "Days left on a goal");
        if (errors.Count > 0) throw new ValidationFailedException(errors);
    }
}

/// <summary>The thresholds of a program or a child: as set there, as inherited from above, and as they apply.</summary>
public sealed record AlertThresholdsResponse(string Scope, Guid ProgramId, Guid? ChildId, AlertThresholdValues Set, AlertThresholdValues Inherited,
    AlertThresholdValues Effective);

internal sealed class AlertThresholdConfiguration : IEntityTypeConfiguration<AlertThresholdSet>
{
    public void Configure(EntityTypeBuilder<AlertThresholdSet> b)
    {
        b.ToTable("alert_thresholds");
        b.HasKey(t => t.OwnerId);
        b.Ignore(t => t.Values);
        b.HasOne<Platform.Identity.AppUser>().WithMany().HasForeignKey(t => t.PartnerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.PartnerId, t.ProgramId });
    }
}
