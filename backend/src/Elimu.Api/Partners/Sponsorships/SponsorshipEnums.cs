namespace Elimu.Api.Partners.Sponsorships;

// Enum member names are the plan's spelling, used on the wire and in the database (docs/adr/0003).
public enum ProgramType { direct, cohort }

public enum ProgramStatus { DRAFT, PENDING_APPROVAL, ACTIVE, PAUSED, COMPLETED, CANCELLED }

public enum BillingPeriod { monthly, termly, annual }

/// <summary>LEFT: the child left the program (moved school, withdrew, other); a child who finished it is GRADUATED.</summary>
public enum SponsoredChildStatus { PENDING_CONSENT, ACTIVE, PAUSED, GRADUATED, REMOVED, LEFT }

/// <summary>Why a child left a program (issue 20); <c>other</c> needs a note.</summary>
public enum LeaveReason { graduated, moved_school, withdrew, other }

/// <summary>Which children a program's "greatest need first" preference puts first.</summary>
public enum GreatestNeed { none, longest_wait }

/// <summary>What a per-child goal measures.</summary>
public enum ChildGoalKind { rubric_level, weekly_minutes, streak_days, lessons_completed }
