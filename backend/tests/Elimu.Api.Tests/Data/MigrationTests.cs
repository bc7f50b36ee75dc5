using System.Data.Common;
using Elimu.Api.Data;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Tests.Data;

public sealed class MigrationTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    /// <summary>Plan Step 1's columns of the eleven partner tables (Step 2), in snake_case.</summary>
    public static readonly Dictionary<string, string[]> PartnerTables = new()
    {
        ["partner_profiles"] = ["id", "user_id", "organization_name", "organization_type", "display_name", "bio", "tagline",
            "logo_url", "banner_url", "contact_person", "contact_email", "contact_phone", "address", "website", "social_links",
            "registration_number", "tax_id", "tax_exempt", "specializations", "partnership_tier", "onboarding_completed",
            "onboarding_step", "branding_config", "created_at", "updated_at"],
        ["sponsorship_programs"] = ["id", "partner_id", "name", "description", "program_type", "min_children", "max_children",
            "status", "billing_period", "price_per_child", "currency", "custom_pricing_notes", "start_date", "end_date", "goals",
            "approved_by", "approved_at", "created_at", "updated_at"],
        ["sponsored_children"] = ["id", "program_id", "student_id", "partner_id", "status", "enrolled_at", "removed_at",
            "partner_goals", "ai_milestones", "notes"],
        ["sponsorship_consents"] = ["id", "sponsored_child_id", "parent_id", "consent_given", "consent_text", "ip_address",
            "user_agent", "consented_at", "revoked_at", "revocation_reason"],
        ["partner_subscriptions"] = ["id", "partner_id", "program_id", "billing_period", "amount_per_child", "total_children",
            "total_amount", "currency", "status", "current_period_start", "current_period_end", "next_billing_date",
            "payment_method_id", "auto_renew", "created_at", "updated_at"],
        ["partner_payments"] = ["id", "subscription_id", "partner_id", "amount", "currency", "status", "payment_gateway",
            "transaction_reference", "gateway_response", "receipt_url", "invoice_number", "period_start", "period_end",
            "paid_at", "created_at"],
        ["partner_impact_reports"] = ["id", "partner_id", "program_id", "report_type", "title", "summary", "metrics",
            "ai_insights", "generated_at", "exported_at", "export_format", "export_url"],
        ["partner_messages"] = ["id", "partner_id", "recipient_id", "subject", "body", "attachments", "read_at", "created_at"],
        ["partner_meetings"] = ["id", "partner_id", "title", "description", "scheduled_at", "duration_minutes", "meeting_url",
            "attendees", "status", "ai_suggested", "notes"],
        ["partner_resources"] = ["id", "partner_id", "title", "description", "resource_type", "file_url", "file_size",
            "mime_type", "status", "branding_applied", "reviewed_by", "reviewed_at", "usage_count", "target_programs",
            "created_at", "updated_at"],
        ["partner_tickets"] = ["id", "partner_id", "subject", "description", "category", "priority", "status",
            "ai_triage_category", "ai_triage_priority", "assigned_to", "attachments", "resolution", "created_at",
            "updated_at", "resolved_at"],
    };

    public static readonly Dictionary<string, string[]> PlatformTables = new()
    {
        ["users"] = ["id", "email", "password_hash", "first_name", "last_name", "display_name", "lockout_end", "access_failed_count"],
        ["roles"] = ["id", "name"],
        ["user_roles"] = ["user_id", "role_id"],
        ["students"] = ["id", "first_name", "last_name", "date_of_birth", "gender", "grade", "school", "county", "admission_number", "user_id"],
        ["guardianships"] = ["id", "parent_id", "student_id", "relationship", "is_primary"],
        ["learning_areas"] = ["id", "code", "name"],
        ["courses"] = ["id", "learning_area_id", "title", "grade"],
        ["lessons"] = ["id", "course_id", "title", "sequence"],
        ["course_enrollments"] = ["id", "student_id", "course_id", "enrolled_at", "completed_at"],
        ["lesson_progress"] = ["id", "student_id", "lesson_id", "status", "score", "time_spent_seconds", "completed_at"],
        ["assessments"] = ["id", "student_id", "learning_area_id", "score", "rubric_level", "assessed_at"],
        ["competency_scores"] = ["id", "student_id", "competency", "score", "assessed_on"],
        ["activity_sessions"] = ["id", "student_id", "started_at", "duration_minutes", "device", "lessons_touched"],
        ["achievements"] = ["id", "student_id", "kind", "title", "awarded_at"],
        ["notifications"] = ["id", "user_id", "category", "title", "body", "read_at", "created_at"],
        ["audit_log"] = ["id", "user_id", "action", "entity_type", "entity_id", "at", "ip_address"],
        ["payment_methods"] = ["id", "partner_id", "gateway"],
    };

    [Fact]
    public async Task Every_partner_table_exists_with_the_plans_columns()
    {
        var columns = await ReadColumnsAsync();
        foreach (var (table, expected) in PartnerTables)
        {
            Assert.True(columns.ContainsKey(table), $"table {table} is missing");
            Assert.Empty(expected.Except(columns[table]));
        }
    }

    [Fact]
    public async Task Every_platform_table_exists_with_its_columns()
    {
        var columns = await ReadColumnsAsync();
        foreach (var (table, expected) in PlatformTables)
        {
            Assert.True(columns.ContainsKey(table), $"table {table} is missing");
            Assert.Empty(expected.Except(columns[table]));
        }
    }

    [Fact]
    public async Task All_migrations_are_applied() =>
        Assert.Empty(await api.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList()));

    [Theory]
    [InlineData(typeof(SqliteAppDbContext))]
    [InlineData(typeof(PostgresAppDbContext))]
    public void The_model_has_no_changes_that_no_migration_captures(Type contextType)
    {
        using AppDbContext db = contextType == typeof(SqliteAppDbContext)
            ? new SqliteDesignTimeFactory().CreateDbContext([])
            : new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model differs from the {contextType.Name} snapshot: add a migration for both providers.");
    }

    private Task<Dictionary<string, HashSet<string>>> ReadColumnsAsync() => api.WithDbAsync(async db =>
    {
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        var sql = api.Database.IsPostgres
            ? "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'"
            : "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'";
        await using DbCommand cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        var result = new Dictionary<string, HashSet<string>>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var table = reader.GetString(0);
            if (!result.TryGetValue(table, out var set)) result[table] = set = [];
            set.Add(reader.GetString(1));
        }
        return result;
    });
}
