/**
 * Partner dashboard types (plan Step 6).
 *
 * Two kinds live here:
 *  1. API types: re-exports of `src/types/api.ts`, which `./elimu gen-api` generates from the
 *     backend's OpenAPI document (a test fails when it is stale). Never edit those by hand.
 *  2. UI types for the sections whose endpoints have not landed yet (finance, analytics, ...).
 *     Field names are the camelCase of the plan's Step 1 column names; enum values are spelled as
 *     the plan spells them (DESIGN.md §4). When their endpoints land, they become re-exports too.
 *
 * Ids are UUID strings; times are ISO 8601 strings; money is a number plus a `currency` field.
 */
import type { components } from './api';

type Schemas = components['schemas'];

// ---------------------------------------------------------------------------------------------
// Roles and auth
// ---------------------------------------------------------------------------------------------

export type Role = 'admin' | 'staff' | 'partner' | 'parent' | 'student';

export type CurrentUser = Schemas['CurrentUser'];

export type LoginRequest = Schemas['LoginRequest'];

// ---------------------------------------------------------------------------------------------
// Errors and paging
// ---------------------------------------------------------------------------------------------

/** RFC 9457 problem details, with the API's `code` for domain refusals and `errors` per field. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  code?: string;
  errors?: Record<string, string[]>;
  traceId?: string;
  /** Extension members of a domain refusal (e.g. `refused`, `minChildren`, `consentStatus`). */
  [extension: string]: unknown;
}

export interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface PageQuery {
  page?: number;
  pageSize?: number;
}

// ---------------------------------------------------------------------------------------------
// Dashboard (API)
// ---------------------------------------------------------------------------------------------

/** Counters pushed by the `/hubs/partner` SignalR hub (event "counters"). */
export type RealtimeCounters = Schemas['RealtimeCounters'];

export type RealtimeCounterKey = keyof RealtimeCounters;

export type ProgramStatusCounts = Schemas['ProgramStatusCounts'];

export type ChildStatusCounts = Schemas['ChildStatusCounts'];

export type BillingSummary = Schemas['BillingSummary'];

export type QuickLink = Schemas['QuickLink'];

export type PartnerDashboardOverview = Schemas['PartnerDashboardOverview'];

// ---------------------------------------------------------------------------------------------
// Shared vocabularies (plan spelling)
// ---------------------------------------------------------------------------------------------

export type ProgramType = Schemas['ProgramType'];
export type ProgramStatus = Schemas['ProgramStatus'];
export type BillingPeriod = Schemas['BillingPeriod'];
export type SponsoredChildStatus = Schemas['SponsoredChildStatus'];
export type ConsentStatus = Schemas['ConsentStatus'];
export type SubscriptionStatus = 'ACTIVE' | 'PAST_DUE' | 'CANCELLED' | 'EXPIRED';
export type PaymentStatus = 'pending' | 'completed' | 'failed' | 'refunded';
export type PaymentGateway = 'mpesa' | 'stripe' | 'paypal' | 'sandbox';
export type ReportType = 'monthly' | 'termly' | 'annual' | 'custom';
export type ExportFormat = 'pdf' | 'csv' | 'xlsx';
export type MeetingStatus = 'scheduled' | 'completed' | 'cancelled';
export type ResourceType = 'lesson' | 'material' | 'video' | 'document';
export type ResourceStatus = 'pending_review' | 'approved' | 'rejected';
export type TicketPriority = 'low' | 'medium' | 'high' | 'urgent';
export type TicketStatus = 'open' | 'in_progress' | 'resolved' | 'closed';
export type OrganizationType = 'NGO' | 'Corporate' | 'Government' | 'Foundation' | 'Individual';
export type PartnershipTier = 'standard' | 'premium' | 'enterprise';

/** CBC rubric levels: Exceeding, Meeting, Approaching, Below Expectations. */
export type RubricLevel = Schemas['RubricLevel'];

/** The seven CBC core competencies. */
export type CoreCompetency = Schemas['CoreCompetency'];

export type AchievementKind = Schemas['AchievementKind'];
export type ChildGoalKind = Schemas['ChildGoalKind'];

// ---------------------------------------------------------------------------------------------
// Profile
// ---------------------------------------------------------------------------------------------

export interface PostalAddress {
  line1: string | null;
  line2: string | null;
  city: string | null;
  county: string | null;
  postalCode: string | null;
  country: string;
}

export interface SocialLinks {
  twitter: string | null;
  facebook: string | null;
  linkedIn: string | null;
  instagram: string | null;
}

export interface BrandingConfig {
  primaryColor: string;
  secondaryColor: string | null;
  logoUrl: string | null;
  reportFooter: string | null;
}

export interface PartnerProfile {
  id: string;
  userId: string;
  organizationName: string;
  organizationType: OrganizationType;
  displayName: string;
  bio: string | null;
  tagline: string | null;
  logoUrl: string | null;
  bannerUrl: string | null;
  contactPerson: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  address: PostalAddress;
  website: string | null;
  socialLinks: SocialLinks;
  registrationNumber: string | null;
  taxId: string | null;
  taxExempt: boolean;
  specializations: string[];
  partnershipTier: PartnershipTier;
  onboardingCompleted: boolean;
  onboardingStep: number;
  brandingConfig: BrandingConfig;
  createdAt: string;
  updatedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Sponsorships (API: /api/v1/partner/sponsorships)
// ---------------------------------------------------------------------------------------------

/** CBC grade as the API spells it: "PP1", "PP2", "Grade1" … "Grade12". */
export type CbcGrade = Schemas['CbcGrade'];

export type ProgramGoal = Schemas['ProgramGoal'];

/** A program with its child counts and the lifecycle actions open to the partner (`allowedActions`). */
export type ProgramResponse = Schemas['ProgramResponse'];
export type SponsorshipProgram = ProgramResponse;

/** Body of POST /programs and PUT /programs/{id}. */
export type ProgramRequest = Schemas['ProgramRequest'];
export type SponsorshipProgramCreate = ProgramRequest;

/** How many of a program's children are in each state; `enrolled` excludes removed children. */
export type ProgramChildCounts = Schemas['ProgramChildCounts'];

/** The partner's lifecycle actions (approve and reject are the admin's). */
export type ProgramAction = 'submit' | 'pause' | 'resume' | 'complete' | 'cancel';

export type PagedPrograms = Schemas['PagedOfProgramResponse'];

/** A student who may be sponsored: first name, last initial, grade, county, school, learning needs. */
export type StudentPreview = Schemas['StudentPreview'];
export type PagedStudentPreviews = Schemas['PagedOfStudentPreview'];

export type AddChildrenRequest = Schemas['AddChildrenRequest'];
export type AddChildrenResponse = Schemas['AddChildrenResponse'];
export type SponsoredChildSummary = Schemas['SponsoredChildSummary'];

/** One id of a bulk add that was refused (422 `children_refused`, extension `refused`). */
export interface RefusedStudent {
  studentId: string;
  /** not_found, duplicate_in_request, already_in_program, in_another_program, over_max_children */
  reason: string;
  message: string;
}

/** Where a child's consent stands, as the partner sees it. */
export type ChildConsentStatus = Schemas['ChildConsentStatus'];

/** Figures on a child's card; null until a guardian has consented. `trend` is "up" | "down" | "flat". */
export type ChildProgressSummary = Schemas['ChildProgressSummary'];

/** Before consent only first name, last initial, grade and county are filled (DESIGN.md §3). */
export type SponsoredChildResponse = Schemas['SponsoredChildResponse'];
export type SponsoredChild = SponsoredChildResponse;
export type PagedSponsoredChildren = Schemas['PagedOfSponsoredChildResponse'];

export type ChildSort = Exclude<Schemas['ChildSort'], null>;

/** Who the child is, as much as consent allows (shown above every tab, and alone without consent). */
export type ChildHeader = Schemas['ChildHeader'];

export type ConsentRequestBody = Schemas['ConsentRequestBody'];
export type ConsentRequestResult = Schemas['ConsentRequestResult'];
export type ChildConsentResponse = Schemas['ChildConsentResponse'];
export type PagedChildConsents = Schemas['PagedOfChildConsentResponse'];

export interface SponsorshipConsent {
  id: string;
  sponsoredChildId: string;
  parentId: string;
  /** Null while the request is unanswered. */
  consentGiven: boolean | null;
  consentText: string;
  consentTextVersion: string;
  /** The full name the guardian typed as their signature. */
  signedName: string | null;
  ipAddress: string | null;
  userAgent: string | null;
  requestedAt: string;
  consentedAt: string | null;
  revokedAt: string | null;
  revocationReason: string | null;
  status: ConsentStatus;
}

// ---------------------------------------------------------------------------------------------
// Child monitoring views (API; computed from learning records; only with active consent)
// ---------------------------------------------------------------------------------------------

export type TrendDirection = Schemas['TrendDirection'];

/** Mastery of one learning area (scores 0–100). */
export type AreaMastery = Schemas['AreaMastery'];
export type LearningAreaProgress = AreaMastery;
export type RubricCount = Schemas['RubricCount'];
/** One of the seven CBC core competencies, scored 1.0 (BE) to 4.0 (EE). */
export type CompetencyProgress = Schemas['CompetencyProgress'];
export type WeeklyProgress = Schemas['WeeklyProgress'];
export type WeeklyProgressPoint = WeeklyProgress;
export type FocusArea = Schemas['FocusArea'];
export type RecentLesson = Schemas['RecentLesson'];

/** GET /children/{id}/progress. */
export type LearningJourney = Schemas['LearningJourney'];
export type ChildLearningJourney = LearningJourney;

export type ActivityPeriod = Schemas['ActivityPeriod'];
export type DayMinutes = Schemas['DayMinutes'];
export type ActivityDay = DayMinutes;
export type HourMinutes = Schemas['HourMinutes'];
export type DeviceUsage = Schemas['DeviceUsage'];
/** The 0–100 engagement score with its inputs and the formula that combined them. */
export type Engagement = Schemas['Engagement'];

/** GET /children/{id}/activity?period=day|week|month. */
export type ActivitySummary = Schemas['ActivitySummary'];
export type ChildActivity = ActivitySummary;

export type AchievementItem = Schemas['AchievementItem'];
export type ChildAchievement = AchievementItem;
/** GET /children/{id}/achievements: grouped by kind, with counts. */
export type AchievementList = Schemas['AchievementList'];

/** A partner-set goal as stored. `target` is EE/ME/AE/BE for rubric goals, a whole number as text otherwise. */
export type ChildGoal = Schemas['ChildGoal'];
export type ChildGoalDefinition = ChildGoal;
export type GoalStatus = Schemas['GoalStatus'];
/** Progress towards one goal, computed from learning records (never stored). */
export type GoalProgress = Schemas['GoalProgress'];
export type ChildGoalResponse = Schemas['ChildGoalResponse'];
export type AiMilestone = Schemas['AiMilestone'];
/** GET and PUT /children/{id}/goals. */
export type ChildGoalsResponse = Schemas['ChildGoalsResponse'];
export type ChildGoalInput = Schemas['ChildGoalInput'];
export type ChildGoalsRequest = Schemas['ChildGoalsRequest'];

export type TimeOfDay = Exclude<Schemas['TimeOfDay'], null>;
export type TimeOfDayShare = Schemas['TimeOfDayShare'];
export type LearningTimePattern = Schemas['LearningTimePattern'];
export type AreaSignal = Schemas['AreaSignal'];
export type WarningSeverity = Schemas['WarningSeverity'];
export type EarlyWarning = Schemas['EarlyWarning'];
/** The computed facts behind the AI Insights tab (code computes; an AI may only narrate them). */
export type LearningSignals = Schemas['LearningSignals'];

/** GET /children/{id}/ai-insights: `narrative` and `provider` stay null until the AI narrator lands. */
export type ChildInsightsResponse = Schemas['ChildInsightsResponse'];
export type ChildAIInsight = ChildInsightsResponse;

// ---------------------------------------------------------------------------------------------
// Enrollments (API: /api/v1/partner/enrollments): bulk import and cohort tracking
// ---------------------------------------------------------------------------------------------

/** One data row of an import file and what became of it; `row` is 1-based under the header. */
export type ImportRowResult = Schemas['ImportRowResult'];
/** Per program of the file: rows it would receive and the room left after them (null: no maximum). */
export type ImportProgramSummary = Schemas['ImportProgramSummary'];
export type ImportDryRunResponse = Schemas['ImportDryRunResponse'];
export type ImportCommitResponse = Schemas['ImportCommitResponse'];
/** A program's children by status at the end of one Monday week (Nairobi). */
export type CohortPoint = Schemas['CohortPoint'];
export type ProgramCohort = Schemas['ProgramCohort'];
export type CohortResponse = Schemas['CohortResponse'];

// ---------------------------------------------------------------------------------------------
// Finance
// ---------------------------------------------------------------------------------------------

export interface PartnerSubscription {
  id: string;
  partnerId: string;
  programId: string;
  programName: string;
  billingPeriod: BillingPeriod;
  amountPerChild: number;
  totalChildren: number;
  totalAmount: number;
  currency: string;
  status: SubscriptionStatus;
  currentPeriodStart: string;
  currentPeriodEnd: string;
  nextBillingDate: string | null;
  paymentMethodId: string | null;
  autoRenew: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface GatewayResponse {
  code: string | null;
  message: string | null;
  gatewayReference: string | null;
  receivedAt: string | null;
}

export interface PartnerPayment {
  id: string;
  subscriptionId: string;
  partnerId: string;
  amount: number;
  currency: string;
  status: PaymentStatus;
  paymentGateway: PaymentGateway;
  transactionReference: string | null;
  gatewayResponse: GatewayResponse;
  receiptUrl: string | null;
  invoiceNumber: string | null;
  periodStart: string;
  periodEnd: string;
  paidAt: string | null;
  createdAt: string;
}

export interface BudgetAllocation {
  programId: string;
  programName: string;
  allocated: number;
  spent: number;
  committed: number;
}

export interface BudgetOverview {
  currency: string;
  periodStart: string;
  periodEnd: string;
  totalBudget: number;
  spent: number;
  committed: number;
  remaining: number;
  allocations: BudgetAllocation[];
  /** Projected spend to the end of the period, computed from active subscriptions. */
  forecastSpend: number;
}

// ---------------------------------------------------------------------------------------------
// Analytics
// ---------------------------------------------------------------------------------------------

export interface ImpactMetrics {
  periodStart: string | null;
  periodEnd: string | null;
  childrenSponsored: number;
  childrenWithConsent: number;
  lessonsCompleted: number;
  averageWeeklyMinutes: number;
  averageScore: number;
  scoreChange: number;
  rubricExceeding: number;
  rubricMeeting: number;
  rubricApproaching: number;
  rubricBelow: number;
  amountSpent: number;
  currency: string;
}

export interface ImpactInsights {
  highlights: string[];
  recommendations: string[];
  provider: string | null;
  model: string | null;
}

export interface PartnerImpactReport {
  id: string;
  partnerId: string;
  programId: string | null;
  reportType: ReportType;
  title: string;
  summary: string | null;
  metrics: ImpactMetrics;
  aiInsights: ImpactInsights;
  generatedAt: string;
  exportedAt: string | null;
  exportFormat: ExportFormat | null;
  exportUrl: string | null;
}

export interface ROITrendPoint {
  periodStart: string;
  spent: number;
  lessonsCompleted: number;
  averageScore: number | null;
}

export interface ROIMetrics {
  currency: string;
  from: string;
  to: string;
  totalSpent: number;
  childrenReached: number;
  costPerChild: number;
  lessonsCompleted: number;
  costPerLesson: number;
  learningMinutes: number;
  averageScoreChange: number;
  trend: ROITrendPoint[];
}

export interface CustomReportFilters {
  programIds?: string[];
  grades?: string[];
  counties?: string[];
  learningAreaCodes?: string[];
  from?: string;
  to?: string;
}

export interface CustomReport {
  id: string;
  partnerId: string;
  title: string;
  filters: CustomReportFilters;
  columns: string[];
  rows: Array<Record<string, string | number | null>>;
  generatedAt: string;
  exportFormat: ExportFormat | null;
  exportUrl: string | null;
}

// ---------------------------------------------------------------------------------------------
// Collaboration, content, support, account
// ---------------------------------------------------------------------------------------------

export interface Attachment {
  fileName: string;
  url: string;
  sizeBytes: number;
  mimeType: string | null;
}

export interface PartnerMessage {
  id: string;
  partnerId: string;
  recipientId: string;
  senderId: string;
  subject: string;
  body: string;
  attachments: Attachment[];
  readAt: string | null;
  createdAt: string;
}

export interface MeetingAttendee {
  name: string;
  email: string | null;
  userId: string | null;
}

export interface PartnerMeeting {
  id: string;
  partnerId: string;
  title: string;
  description: string | null;
  scheduledAt: string;
  durationMinutes: number;
  meetingUrl: string | null;
  attendees: MeetingAttendee[];
  status: MeetingStatus;
  aiSuggested: boolean;
  notes: string | null;
  createdAt: string;
}

export interface PartnerResource {
  id: string;
  partnerId: string;
  title: string;
  description: string | null;
  resourceType: ResourceType;
  fileUrl: string | null;
  fileSize: number | null;
  mimeType: string | null;
  status: ResourceStatus;
  brandingApplied: boolean;
  reviewedBy: string | null;
  reviewedAt: string | null;
  usageCount: number;
  targetPrograms: string[];
  createdAt: string;
  updatedAt: string;
}

export interface PartnerTicket {
  id: string;
  partnerId: string;
  subject: string;
  description: string;
  category: string;
  priority: TicketPriority;
  status: TicketStatus;
  aiTriageCategory: string | null;
  aiTriagePriority: TicketPriority | null;
  assignedTo: string | null;
  attachments: Attachment[];
  resolution: string | null;
  createdAt: string;
  updatedAt: string;
  resolvedAt: string | null;
}

export type PartnerNotificationCategory =
  | 'consent'
  | 'sponsorship'
  | 'child_alert'
  | 'billing'
  | 'support'
  | 'report'
  | 'system';

export interface PartnerNotification {
  id: string;
  category: PartnerNotificationCategory | (string & {});
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}

// ---------------------------------------------------------------------------------------------
// Parent consent inbox and admin program approvals (API)
// ---------------------------------------------------------------------------------------------

/** A consent request as its guardian sees it (GET /api/v1/parent/consents). */
export type ParentConsent = Schemas['ParentConsentResponse'];

/** The guardian's answer: the checkbox (agree), the typed full name (the e-signature), the text version read. */
export type ConsentAnswer = Schemas['ConsentAnswer'];

/** POST /api/v1/parent/consents/{id}/revoke: an optional reason. */
export type ConsentRevokeRequest = Schemas['RevokeBody'];

/** A program in the admin's approval queue, with the partner who submitted it. */
export type PendingProgram = Schemas['PendingProgramResponse'];

/** Admin reject (and other status changes that take a reason). */
export type StatusChangeRequest = Schemas['StatusChangeRequest'];
