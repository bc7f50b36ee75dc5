using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class H13Limits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Races before this index could leave a student active in two programs of one partner: keep the earliest
            // enrollment and mark the later ones removed, so the unique index can be built.
            migrationBuilder.Sql("""
                UPDATE sponsored_children SET status = 'REMOVED', removed_at = CURRENT_TIMESTAMP
                WHERE status <> 'REMOVED' AND EXISTS (
                    SELECT 1 FROM sponsored_children o
                    WHERE o.partner_id = sponsored_children.partner_id AND o.student_id = sponsored_children.student_id
                      AND o.status <> 'REMOVED' AND o.id <> sponsored_children.id
                      AND (o.enrolled_at < sponsored_children.enrolled_at
                           OR (o.enrolled_at = sponsored_children.enrolled_at AND o.id < sponsored_children.id)));
                """);
            // Before enums were read by name only, a number such as 99 was stored as "99"; the API can no longer write
            // such a value out (and the admin page broke on it), so those programs take the first term of each list.
            migrationBuilder.Sql("UPDATE sponsorship_programs SET program_type = 'direct' WHERE program_type NOT IN ('direct', 'cohort');");
            migrationBuilder.Sql("UPDATE sponsorship_programs SET billing_period = 'monthly' WHERE billing_period NOT IN ('monthly', 'termly', 'annual');");

            migrationBuilder.CreateIndex(
                name: "ux_sponsored_children_partner_student_active",
                table: "sponsored_children",
                columns: new[] { "partner_id", "student_id" },
                unique: true,
                filter: "status <> 'REMOVED'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_sponsored_children_partner_student_active",
                table: "sponsored_children");
        }
    }
}
