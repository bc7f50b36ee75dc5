/**
 * Partner dashboard types (plan Step 6).
 *
 * API types: re-exports of `src/types/api.ts`, which `./elimu gen-api` generates from the backend's
 * OpenAPI document (a test fails when it is stale). Never edit those by hand.
 *
 * The UI types of the sections whose endpoints have not landed yet (finance, analytics, ...) live in
 * `./partner-ui` and are re-exported here, so every importer reads one module.
 *
 * Ids are UUID strings; times are ISO 8601 strings; money is a number plus a `currency` field.
 */
import type { components } from './api';

export type * from './partner-ui';

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

/**
 * The counters as the server sends them (`/counters`, the `/hubs/partner` "counters" event): `unreadNotifications` is
 * null in what goes to the whole organisation, since each member has their own.
 */
export type ServerCounters = Schemas['RealtimeCounters'];

/** The counters the badges show, every one known. */
export type RealtimeCounters = { [K in keyof ServerCounters]: number };

export type RealtimeCounterKey = keyof RealtimeCounters;

export type ProgramStatusCounts = Schemas['ProgramStatusCounts'];

// ---------------------------------------------------------------------------------------------
// Account · Notifications (API)
// ---------------------------------------------------------------------------------------------

export type NotificationView = Schemas['NotificationView'];
export type NotificationCategory = Schemas['NotificationCategory'];
export type PagedNotifications = Schemas['PagedOfNotificationView'];
export type NotificationPreferencesView = Schemas['NotificationPreferencesView'];
export type NotificationPreferencesUpdate = Schemas['NotificationPreferencesUpdate'];

// ---------------------------------------------------------------------------------------------
// Support · Tickets (API)
// ---------------------------------------------------------------------------------------------

export type TicketCategory = Schemas['TicketCategory'];
export type TicketPriority = Schemas['TicketPriority'];
export type TicketStatus = Schemas['TicketStatus'];
export type TicketSummary = Schemas['TicketSummary'];
export type TicketDetail = Schemas['TicketDetail'];
export type TicketMessageView = Schemas['TicketMessageView'];
export type TicketAttachmentView = Schemas['TicketAttachmentView'];
export type TriageSuggestion = Schemas['TriageSuggestion'];
export type SupportAssignee = Schemas['SupportAssignee'];
export type PagedTickets = Schemas['PagedOfTicketSummary'];
export type CategoryPreference = Schemas['CategoryPreference'];
export type DigestFrequency = Schemas['DigestFrequency'];

export type ChildStatusCounts = Schemas['ChildStatusCounts'];

export type BillingSummary = Schemas['BillingSummary'];
export type CurrencyBilling = Schemas['CurrencyBilling'];
export type Money = Schemas['Money'];

export type QuickLink = Schemas['QuickLink'];

export type PartnerDashboardOverview = Schemas['PartnerDashboardOverview'];
/** GET /dashboard/ai-highlights: three to five insights of the day, with who wrote them and when. */
export type AiHighlightsResponse = Schemas['AiHighlightsResponse'];

// ---------------------------------------------------------------------------------------------
// Shared vocabularies (API; the plan's spelling)
// ---------------------------------------------------------------------------------------------

export type ProgramType = Schemas['ProgramType'];
export type ProgramStatus = Schemas['ProgramStatus'];
export type BillingPeriod = Schemas['BillingPeriod'];
export type SponsoredChildStatus = Schemas['SponsoredChildStatus'];
export type ConsentStatus = Schemas['ConsentStatus'];

/** CBC rubric levels: Exceeding, Meeting, Approaching, Below Expectations. */
export type RubricLevel = Schemas['RubricLevel'];

/** The seven CBC core competencies. */
export type CoreCompetency = Schemas['CoreCompetency'];

export type AchievementKind = Schemas['AchievementKind'];
export type ChildGoalKind = Schemas['ChildGoalKind'];

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
export type StudentFilterOptions = Schemas['StudentFilterOptions'];
export type ChildCohortSummary = Schemas['ChildCohortSummary'];
export type ChildCohortsResponse = Schemas['ChildCohortsResponse'];

export type AddChildrenRequest = Schemas['AddChildrenRequest'];
export type AddChildrenResponse = Schemas['AddChildrenResponse'];
export type SponsoredChildSummary = Schemas['SponsoredChildSummary'];

/** One id of a bulk add that was refused (422 `children_refused`, extension `refused`). */
export interface RefusedStudent {
  studentId: string;
  /** not_found, duplicate_in_request, already_in_program, in_another_program, over_max_children, not_available */
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
/** What a consent request would do (nothing is sent): children and guardians to ask, and the text they read. */
export type ConsentRequestPreview = Schemas['ConsentRequestPreview'];
export type ChildConsentResponse = Schemas['ChildConsentResponse'];
export type PagedChildConsents = Schemas['PagedOfChildConsentResponse'];
export type ChildTimelineItem = Schemas['ChildTimelineItem'];
export type TimelineKind = Schemas['TimelineKind'];
export type PagedChildTimeline = Schemas['PagedOfChildTimelineItem'];

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

/** GET /children/{id}/ai-insights: the signals, and the narrative, style, strengths, risks and tips written from them. */
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
// Parent consent inbox and admin program approvals (API)
// ---------------------------------------------------------------------------------------------

/** A consent request as its guardian sees it (GET /api/v1/parent/consents). */
export type ParentConsent = Schemas['ParentConsentResponse'];

/** The guardian's answer: the checkbox (agree), the typed full name (the e-signature), the text version read. */
export type ConsentAnswer = Schemas['ConsentAnswer'];

/** One signature for several waiting requests of one program (POST /api/v1/parent/consents/answer-together). */
export type ConsentAnswerTogether = Schemas['ConsentAnswerTogether'];

/** The records that signature wrote, one per child, in the order the ids were sent. */
export type ConsentsAnsweredTogether = Schemas['ConsentsAnsweredTogether'];

/** POST /api/v1/parent/consents/{id}/revoke: an optional reason. */
export type ConsentRevokeRequest = Schemas['RevokeBody'];

/** A program in the admin's approval queue, with the partner who submitted it. */
export type PendingProgram = Schemas['PendingProgramResponse'];

/** Admin reject (and other status changes that take a reason). */
export type StatusChangeRequest = Schemas['StatusChangeRequest'];

// ---------------------------------------------------------------------------------------------
// Account · Team
// ---------------------------------------------------------------------------------------------

export type TeamRole = Schemas['TeamRole'];
export type TeamResponse = Schemas['TeamResponse'];
export type TeamMember = Schemas['TeamMemberResponse'];
export type TeamInvitation = Schemas['TeamInvitationResponse'];
export type InvitationPreview = Schemas['InvitationPreview'];

// ---------------------------------------------------------------------------------------------
// Support · Help and Training
// ---------------------------------------------------------------------------------------------

export type HelpArticleKind = Schemas['HelpArticleKind'];
export type HelpArticleSummary = Schemas['HelpArticleSummary'];
export type HelpArticleView = Schemas['HelpArticleView'];
export type HelpCategoriesResponse = Schemas['HelpCategoriesResponse'];
export type PagedHelpArticles = Schemas['PagedOfHelpArticleSummary'];
export type WebinarView = Schemas['WebinarView'];
export type PagedWebinars = Schemas['PagedOfWebinarView'];
export type CourseSummary = Schemas['CourseSummary'];
export type PagedCourses = Schemas['PagedOfCourseSummary'];
export type CourseView = Schemas['CourseView'];
export type TeamTrainingProgress = Schemas['TeamTrainingProgress'];

// ---------------------------------------------------------------------------------------------
// Account · Profile, onboarding and sign-up (issue 16)
// ---------------------------------------------------------------------------------------------

export type ProfileResponse = Schemas['ProfileResponse'];
export type ProfileRequest = Schemas['ProfileRequest'];
export type ProfileWarning = Schemas['ProfileWarning'];
export type OnboardingState = Schemas['OnboardingState'];
export type OnboardingAction = Schemas['OnboardingAction'];
export type ProfileImageResponse = Schemas['ProfileImageResponse'];
export type PartnerSignUpRequest = Schemas['PartnerSignUpRequest'];
export type PartnerVerificationItem = Schemas['PartnerVerificationItem'];

// Collaboration (issue 16): messages and meetings.
export type MessageSummary = Schemas['MessageSummary'];
export type MessageThread = Schemas['MessageThread'];
export type MessageView = Schemas['MessageView'];
export type MessageRecipient = Schemas['MessageRecipient'];
export type MeetingView = Schemas['MeetingView'];
export type SuggestedTimes = Schemas['SuggestedTimes'];
export type SuggestedSlot = Schemas['SuggestedSlot'];
export type ScheduleMeetingRequest = Schemas['ScheduleMeetingRequest'];
export type PagedMessages = Schemas['PagedOfMessageSummary'];
export type UnreadMessages = Schemas['UnreadMessages'];
export type PagedMeetings = Schemas['PagedOfMeetingView'];

// ---------------------------------------------------------------------------------------------
// Finance · Budgets and grants (API: /api/v1/partner/finance/budget, /grants)
// ---------------------------------------------------------------------------------------------
export type BudgetOverview = Schemas['BudgetOverview'];
export type BudgetFigures = Schemas['BudgetFigures'];
export type ProgramBudget = Schemas['ProgramBudget'];
export type BudgetMonth = Schemas['BudgetMonth'];
export type SaveBudgetRequest = Schemas['SaveBudgetRequest'];
export type GrantStatus = Schemas['GrantStatus'];
export type GrantSummary = Schemas['GrantSummary'];
export type GrantDetail = Schemas['GrantDetail'];
export type GrantDeadlineView = Schemas['GrantDeadlineView'];
export type SaveGrantRequest = Schemas['SaveGrantRequest'];
export type DeadlineRequest = Schemas['DeadlineRequest'];
export type PagedGrants = Schemas['PagedOfGrantSummary'];
// Finance · Funding (subscriptions and payments)
// ---------------------------------------------------------------------------------------------

export type SubscriptionItem = Schemas['SubscriptionItem'];
export type CreateSubscriptionRequest = Schemas['CreateSubscriptionRequest'];
export type UpdateSubscriptionRequest = Schemas['UpdateSubscriptionRequest'];
export type PaymentItem = Schemas['PaymentItem'];
export type PaymentChoice = Schemas['PaymentChoice'];
export type DueInvoice = Schemas['DueInvoice'];
/** GET /payments answers a plain IResult (no schema in the document): the list shape of DESIGN.md §4. */
export type PagedPayments = Paged<PaymentItem>;
export type PaymentMethodItem = Schemas['PaymentMethodItem'];
export type SavePaymentMethodRequest = Schemas['SavePaymentMethodRequest'];
/** GET /payment-methods answers a plain IResult: the list shape of DESIGN.md §4. */
export type PagedPaymentMethods = Paged<PaymentMethodItem>;

// Content · AI-generated resources (API: /api/v1/partner/content/ai-generate, /ai-resources)
// ---------------------------------------------------------------------------------------------

export type GeneratedLesson = Schemas['GeneratedLesson'];
export type LessonActivity = Schemas['LessonActivity'];
export type RubricRow = Schemas['RubricRow'];
export type GenerateLessonRequest = Schemas['GenerateLessonRequest'];
export type AiResourceView = Schemas['AiResourceView'];
export type AiResourceSummary = Schemas['AiResourceSummary'];
export type AiResourceOptions = Schemas['AiResourceOptions'];
export type PagedAiResources = Schemas['PagedOfAiResourceSummary'];

// Content · resource contributions (API: /api/v1/partner/content/resources, /api/v1/admin/resources)
export type ResourceView = Schemas['ResourceView'];
export type ResourceStatus = Schemas['ResourceStatus'];
export type ResourceType = Schemas['ResourceType'];
export type UpdateResourceRequest = Schemas['UpdateResourceRequest'];
export type PagedResources = Schemas['PagedOfResourceView'];
export type ReviewResourceView = Schemas['ReviewResourceView'];
export type PagedReviewResources = Schemas['PagedOfReviewResourceView'];
// Content · Sponsored courses (API: /api/v1/partner/content/courses)
export type SponsoredCourseStatus = Schemas['SponsoredCourseStatus'];
export type CourseItemKind = Schemas['CourseItemKind'];
export type SaveCourseRequest = Schemas['SaveCourseRequest'];
export type CourseItemRequest = Schemas['CourseItemRequest'];
export type SponsoredCourse = Schemas['SponsoredCourseView'];
export type SponsoredCourseSummary = Schemas['SponsoredCourseSummary'];
export type CourseItemView = Schemas['CourseItemView'];
export type PagedSponsoredCourses = Schemas['PagedOfSponsoredCourseSummary'];
export type CatalogLesson = Schemas['CatalogLessonView'];
export type PagedCatalogLessons = Schemas['PagedOfCatalogLessonView'];
export type CatalogResource = Schemas['CatalogResourceView'];
export type PagedCatalogResources = Schemas['PagedOfCatalogResourceView'];
export type CourseMonitoring = Schemas['CourseMonitoringView'];
export type CourseItemFigures = Schemas['CourseItemFigures'];

// Analytics · forecasts and cohort benchmarking (API: /api/v1/partner/analytics/forecasts, /programs/{id}/benchmark)
export type ForecastResponse = Schemas['ForecastResponse'];
export type SeriesOutlook = Schemas['SeriesOutlook'];
export type CohortBenchmarkResponse = Schemas['CohortBenchmarkResponse'];
export type BenchmarkMeasure = Schemas['BenchmarkMeasure'];

// Analytics · ROI and custom reports (API: /api/v1/partner/analytics/roi, /reports)
export type RoiResponse = Schemas['RoiResponse'];
export type RoiFigures = Schemas['RoiFigures'];
export type EngagementWeek = Schemas['EngagementWeek'];
export type AreaImprovement = Schemas['AreaImprovement'];
export type CustomReport = Schemas['ReportResponse'];
export type CustomReportList = Schemas['ReportListResponse'];
export type ReportDefinition = Schemas['ReportDefinition'];
export type ReportFilters = Schemas['ReportFilters'];
export type SaveReportRequest = Schemas['SaveReportRequest'];
export type ReportRun = Schemas['ReportRunResponse'];
export type ReportCatalog = Schemas['ReportCatalogResponse'];

// Issue 20: child alerts raised by the partner's thresholds (API: /api/v1/partner/alerts).
export type ChildAlert = Schemas['ChildAlertView'];
export type ChildAlertKind = Schemas['ChildAlertKind'];
export type ChildAlertState = Schemas['ChildAlertState'];
export type PagedChildAlerts = Schemas['PagedOfChildAlertView'];
/** Five thresholds, each null where it inherits (a child from its program, a program from the defaults). */
export type AlertThresholdValues = Omit<Schemas['AlertThresholdValues'], 'isEmpty'>;
export type AlertThresholds = Schemas['AlertThresholdsResponse'];

// Issue 20: children who leave, substitutes, and a program's preferences.
export type LeaveReason = Schemas['LeaveReason'];
export type LeaveRequest = Schemas['LeaveRequest'];
export type LeaveResponse = Schemas['LeaveResponse'];
/** Substitutes on offer, the children missing for the minimum, and the best-ranked candidates with their reasons. */
export type SubstituteOffer = Schemas['SubstituteOffer'];
export type SubstituteAccepted = Schemas['SubstituteAccepted'];
export type ProgramPreferences = Schemas['PreferencesBody'];
export type GreatestNeed = Schemas['GreatestNeed'];
