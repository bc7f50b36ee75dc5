using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Partners.Analytics;
using Elimu.Api.Partners.Collaboration;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Content;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Profiles;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Partners.Support;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Learning.Ingestion;
using Elimu.Api.Platform.Learning.Rollups;
using Elimu.Api.Platform.ServiceKeys;
using Elimu.Api.Platform.Notifications;
using Elimu.Api.Platform.Students;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Data;

/// <summary>
/// The one database of the product. Each provider has a subclass that owns its migration set
/// (<see cref="SqliteAppDbContext"/>, <see cref="PostgresAppDbContext"/>); the model is shared.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser, AppRole, Guid>(options), IDataProtectionKeyContext
{
    // Host platform
    public DbSet<Student> Students => Set<Student>();
    public DbSet<Guardianship> Guardianships => Set<Guardianship>();
    public DbSet<LearningArea> LearningAreas => Set<LearningArea>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<Lesson> Lessons => Set<Lesson>();
    public DbSet<CourseEnrollment> CourseEnrollments => Set<CourseEnrollment>();
    public DbSet<LessonProgress> LessonProgress => Set<LessonProgress>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<CompetencyScore> CompetencyScores => Set<CompetencyScore>();
    public DbSet<ActivitySession> ActivitySessions => Set<ActivitySession>();
    public DbSet<Achievement> Achievements => Set<Achievement>();
    public DbSet<LearningDayRollup> LearningDayRollups => Set<LearningDayRollup>();
    public DbSet<LearningEventReceipt> LearningEventReceipts => Set<LearningEventReceipt>();
    public DbSet<ServiceApiKey> ServiceApiKeys => Set<ServiceApiKey>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();
    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();
    public DbSet<Elimu.Api.Platform.Notifications.Delivery.OutboxMessage> OutboxMessages => Set<Elimu.Api.Platform.Notifications.Delivery.OutboxMessage>();
    public DbSet<AuditLogEntry> AuditLog => Set<AuditLogEntry>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    // Session and antiforgery keys on PostgreSQL (see DataProtectionKeys); the table exists, unused, on SQLite.
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Partner dashboard (plan Step 2: the eleven partner tables)
    public DbSet<PartnerProfile> PartnerProfiles => Set<PartnerProfile>();
    public DbSet<PartnerProfileImage> PartnerProfileImages => Set<PartnerProfileImage>();
    public DbSet<SponsorshipProgram> SponsorshipPrograms => Set<SponsorshipProgram>();
    public DbSet<SponsoredChild> SponsoredChildren => Set<SponsoredChild>();
    public DbSet<SponsorshipConsent> SponsorshipConsents => Set<SponsorshipConsent>();
    public DbSet<ConsentReminder> ConsentReminders => Set<ConsentReminder>();
    public DbSet<Elimu.Api.Partners.Sponsorships.SponsorshipStatusChange> SponsorshipStatusChanges => Set<Elimu.Api.Partners.Sponsorships.SponsorshipStatusChange>();
    public DbSet<PartnerSubscription> PartnerSubscriptions => Set<PartnerSubscription>();
    public DbSet<PartnerPayment> PartnerPayments => Set<PartnerPayment>();
    public DbSet<PartnerImpactReport> PartnerImpactReports => Set<PartnerImpactReport>();
    public DbSet<Elimu.Api.Partners.Analytics.Reports.PartnerCustomReport> PartnerCustomReports => Set<Elimu.Api.Partners.Analytics.Reports.PartnerCustomReport>();
    public DbSet<PartnerMessage> PartnerMessages => Set<PartnerMessage>();
    public DbSet<PartnerMeeting> PartnerMeetings => Set<PartnerMeeting>();
    public DbSet<MessageAttachmentFile> PartnerMessageFiles => Set<MessageAttachmentFile>();
    public DbSet<PartnerResource> PartnerResources => Set<PartnerResource>();
    public DbSet<Elimu.Api.Partners.Content.Courses.SponsoredCourse> SponsoredCourses => Set<Elimu.Api.Partners.Content.Courses.SponsoredCourse>();
    public DbSet<Elimu.Api.Partners.Content.Courses.SponsoredCourseItem> SponsoredCourseItems => Set<Elimu.Api.Partners.Content.Courses.SponsoredCourseItem>();
    public DbSet<PartnerTicket> PartnerTickets => Set<PartnerTicket>();
    public DbSet<TicketMessage> TicketMessages => Set<TicketMessage>();
    public DbSet<TicketAttachment> TicketAttachments => Set<TicketAttachment>();
    public DbSet<PaymentMethod> PaymentMethods => Set<PaymentMethod>();
    public DbSet<PartnerPricing> PartnerPricing => Set<PartnerPricing>();
    public DbSet<PartnerInvoice> PartnerInvoices => Set<PartnerInvoice>();
    public DbSet<PartnerInvoiceLine> PartnerInvoiceLines => Set<PartnerInvoiceLine>();
    public DbSet<InvoiceCounter> InvoiceCounters => Set<InvoiceCounter>();
    public DbSet<PartnerTeamMember> PartnerTeamMembers => Set<PartnerTeamMember>();
    public DbSet<PartnerTeamInvitation> PartnerTeamInvitations => Set<PartnerTeamInvitation>();
    public DbSet<Elimu.Api.Partners.Account.Digests.SentDigest> SentDigests => Set<Elimu.Api.Partners.Account.Digests.SentDigest>();
    public DbSet<Elimu.Api.Partners.Support.Training.TrainingWebinar> TrainingWebinars => Set<Elimu.Api.Partners.Support.Training.TrainingWebinar>();
    public DbSet<Elimu.Api.Partners.Support.Training.WebinarRegistration> WebinarRegistrations => Set<Elimu.Api.Partners.Support.Training.WebinarRegistration>();
    public DbSet<Elimu.Api.Partners.Support.Training.ModuleCompletion> ModuleCompletions => Set<Elimu.Api.Partners.Support.Training.ModuleCompletion>();
    public DbSet<Elimu.Api.Partners.Finance.Budgets.PartnerBudget> PartnerBudgets => Set<Elimu.Api.Partners.Finance.Budgets.PartnerBudget>();
    public DbSet<Elimu.Api.Partners.Finance.Budgets.BudgetAllocation> BudgetAllocations => Set<Elimu.Api.Partners.Finance.Budgets.BudgetAllocation>();
    public DbSet<Elimu.Api.Partners.Finance.Grants.PartnerGrant> PartnerGrants => Set<Elimu.Api.Partners.Finance.Grants.PartnerGrant>();
    public DbSet<Elimu.Api.Partners.Finance.Grants.GrantAllocation> GrantAllocations => Set<Elimu.Api.Partners.Finance.Grants.GrantAllocation>();
    public DbSet<Elimu.Api.Partners.Finance.Grants.GrantDeadline> GrantDeadlines => Set<Elimu.Api.Partners.Finance.Grants.GrantDeadline>();
    public DbSet<Elimu.Api.Partners.Finance.Grants.GrantReport> GrantReports => Set<Elimu.Api.Partners.Finance.Grants.GrantReport>();
    public DbSet<Elimu.Api.Partners.Finance.Grants.SentGrantReminder> SentGrantReminders => Set<Elimu.Api.Partners.Finance.Grants.SentGrantReminder>();
    public DbSet<Elimu.Api.Partners.Dashboard.PartnerAiHighlights> PartnerAiHighlights => Set<Elimu.Api.Partners.Dashboard.PartnerAiHighlights>();
    public DbSet<Elimu.Api.Partners.Sponsorships.SponsorshipPolicy> SponsorshipPolicies => Set<Elimu.Api.Partners.Sponsorships.SponsorshipPolicy>();
    public DbSet<Elimu.Api.Partners.Alerts.ChildAlert> ChildAlerts => Set<Elimu.Api.Partners.Alerts.ChildAlert>();
    public DbSet<Elimu.Api.Partners.Alerts.AlertThresholdSet> AlertThresholds => Set<Elimu.Api.Partners.Alerts.AlertThresholdSet>();
    public DbSet<Elimu.Api.Partners.Analytics.Letters.ProgressLetterBatch> ProgressLetterBatches => Set<Elimu.Api.Partners.Analytics.Letters.ProgressLetterBatch>();
    public DbSet<Elimu.Api.Partners.Analytics.Letters.ProgressLetter> ProgressLetters => Set<Elimu.Api.Partners.Analytics.Letters.ProgressLetter>();

    // AI orchestrator: one row per provider attempt and per cache hit
    public DbSet<Elimu.Api.Ai.AiCall> AiCalls => Set<Elimu.Api.Ai.AiCall>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        builder.StoreEnumsAsStrings();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configuration.Properties<decimal>().HavePrecision(18, 2);
    }
}
