namespace Elimu.Api.Partners.Sponsorships;

// Enum member names are the plan's spelling, used on the wire and in the database (docs/adr/0003).
public enum ProgramType { direct, cohort }

public enum ProgramStatus { DRAFT, PENDING_APPROVAL, ACTIVE, PAUSED, COMPLETED, CANCELLED }

public enum BillingPeriod { monthly, termly, annual }

public enum SponsoredChildStatus { PENDING_CONSENT, ACTIVE, PAUSED, GRADUATED, REMOVED }

/// <summary>What a per-child goal measures.</summary>
public enum ChildGoalKind { rubric_level, weekly_minutes, streak_days, lessons_completed }
