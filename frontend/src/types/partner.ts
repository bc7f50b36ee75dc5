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
// Sponsorships
// ---------------------------------------------------------------------------------------------

export interface ProgramGoal {
  title: string;
  metric: string | null;
  target: number | null;
}

export interface SponsorshipProgram {
  id: string;
  partnerId: string;
  name: string;
  description: string | null;
  programType: ProgramType;
  minChildren: number;
  maxChildren: number | null;
  status: ProgramStatus;
  billingPeriod: BillingPeriod;
  pricePerChild: number;
  currency: string;
  customPricingNotes: string | null;
  startDate: string | null;
  /** Null for an open-ended program. */
  endDate: string | null;
  goals: ProgramGoal[];
  approvedBy: string | null;
  approvedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Children enrolled and not removed. */
  childrenCount: number;
}

export interface SponsorshipProgramCreate {
  name: string;
  description?: string | null;
  programType: ProgramType;
  minChildren?: number;
  maxChildren?: number | null;
  billingPeriod: BillingPeriod;
  pricePerChild: number;
  currency?: string;
  customPricingNotes?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  goals?: ProgramGoal[];
}

export interface ChildGoalDefinition {
  id: string;
  kind: ChildGoalKind;
  learningAreaCode: string | null;
  /** EE/ME/AE/BE for rubric goals; a number (as text) for the others. */
  target: string;
  dueDate: string | null;
}

export interface AiMilestone {
  title: string;
  description: string | null;
  targetDate: string | null;
  achieved: boolean;
  provider: string | null;
}

/** Before consent the partner sees only first name, last initial, grade and county (DESIGN.md §3). */
export interface SponsoredChild {
  id: string;
  programId: string;
  programName: string;
  studentId: string;
  partnerId: string;
  status: SponsoredChildStatus;
  consentStatus: ConsentStatus;
  enrolledAt: string;
  removedAt: string | null;
  /** "Amani W." until consent is given, then the full name. */
  displayName: string;
  grade: string;
  county: string;
  partnerGoals: ChildGoalDefinition[];
  aiMilestones: AiMilestone[];
  notes: string | null;
  /** Present only with active consent. */
  progressSummary: ChildProgressSummary | null;
}

export interface ChildProgressSummary {
  weeklyMinutes: number;
  lessonsCompleted: number;
  currentStreakDays: number;
  averageRubricLevel: RubricLevel | null;
  hasAlert: boolean;
}

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
// Child monitoring views (computed from learning records; only with active consent)
// ---------------------------------------------------------------------------------------------

export interface LearningAreaProgress {
  learningAreaCode: string;
  learningAreaName: string;
  rubricLevel: RubricLevel | null;
  averageScore: number | null;
  lessonsCompleted: number;
  lessonsTotal: number;
}

export interface CompetencyProgress {
  competency: CoreCompetency;
  rubricLevel: RubricLevel | null;
  evidenceCount: number;
}

export interface WeeklyProgressPoint {
  weekStart: string;
  minutes: number;
  lessonsCompleted: number;
  averageScore: number | null;
}

export interface ChildLearningJourney {
  sponsoredChildId: string;
  grade: string;
  learningAreas: LearningAreaProgress[];
  competencies: CompetencyProgress[];
  weeklyProgress: WeeklyProgressPoint[];
  focusAreas: string[];
  generatedAt: string;
}

export interface ActivityDay {
  date: string;
  minutes: number;
  sessions: number;
}

export interface ChildActivity {
  sponsoredChildId: string;
  period: 'daily' | 'weekly' | 'monthly';
  totalMinutes: number;
  sessions: number;
  averageSessionMinutes: number;
  currentStreakDays: number;
  longestStreakDays: number;
  /** 0–100, computed from minutes, sessions and completion. */
  engagementScore: number;
  days: ActivityDay[];
  lastActiveAt: string | null;
}

export interface ChildAchievement {
  id: string;
  sponsoredChildId: string;
  kind: AchievementKind;
  title: string;
  description: string | null;
  learningAreaCode: string | null;
  awardedAt: string;
  certificateUrl: string | null;
}

export interface ChildGoal {
  id: string;
  sponsoredChildId: string;
  kind: ChildGoalKind;
  title: string;
  learningAreaCode: string | null;
  target: string;
  current: string;
  /** 0–1, computed from learning records, never stored. */
  progress: number;
  dueDate: string | null;
  achieved: boolean;
}

export interface ChildAIInsight {
  sponsoredChildId: string;
  learningStyle: string;
  strengths: string[];
  supportTips: string[];
  earlyWarnings: string[];
  /** The computed figures the narrative is based on (AI narrates, code computes). */
  figures: Record<string, number>;
  narrative: string;
  provider: string;
  model: string | null;
  generatedAt: string;
}

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
