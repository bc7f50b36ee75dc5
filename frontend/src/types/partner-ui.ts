/**
 * UI types for the partner sections whose endpoints have not landed yet (profile, finance, analytics,
 * collaboration, content, support, notifications), re-exported by `./partner`.
 *
 * Field names are the camelCase of the plan's Step 1 column names; enum values are spelled as the
 * plan spells them (DESIGN.md §4). When a section's endpoints land, its types move to `./partner` as
 * re-exports of the generated `./api` and leave this file.
 */
import type { BillingPeriod, ConsentStatus } from './partner';

// ---------------------------------------------------------------------------------------------
// Vocabularies (plan spelling)
// ---------------------------------------------------------------------------------------------

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
// Consent records (the plan's table; the API answers with ChildConsentResponse and ParentConsent)
// ---------------------------------------------------------------------------------------------

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
