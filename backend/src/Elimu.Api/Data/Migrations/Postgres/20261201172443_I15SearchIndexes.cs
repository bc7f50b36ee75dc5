using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I15SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "admission_key",
                table: "students",
                type: "character varying(241)",
                maxLength: 241,
                nullable: false,
                computedColumnSql: "lower(school) || '\n' || lower(admission_number)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_students_admission_key",
                table: "students",
                column: "admission_key");

            migrationBuilder.CreateIndex(
                name: "ix_students_county_grade_first_name_id",
                table: "students",
                columns: new[] { "county", "grade", "first_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_sponsorship_consents_consented_at",
                table: "sponsorship_consents",
                column: "consented_at");

            migrationBuilder.CreateIndex(
                name: "ix_sponsorship_consents_revoked_at",
                table: "sponsorship_consents",
                column: "revoked_at");

            // What EF cannot model: expression indexes for the available-students search's whole-word terms
            // (StudentDirectory.SearchAsync compares lower(last_name) and lower(admission_number) with the term).
            migrationBuilder.Sql("CREATE INDEX ix_students_lower_last_name ON students (lower(last_name));");
            migrationBuilder.Sql("CREATE INDEX ix_students_lower_admission_number ON students (lower(admission_number));");
            // and trigram indexes for its part-of-a-name terms (LIKE '%part%'); pg_trgm ships with PostgreSQL (contrib).
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX ix_students_lower_first_name_trgm ON students USING gin (lower(first_name) gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX ix_students_lower_school_trgm ON students USING gin (lower(school) gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_students_lower_last_name;");
            migrationBuilder.Sql("DROP INDEX ix_students_lower_admission_number;");
            migrationBuilder.Sql("DROP INDEX ix_students_lower_first_name_trgm;");
            migrationBuilder.Sql("DROP INDEX ix_students_lower_school_trgm;");

            migrationBuilder.DropIndex(
                name: "ix_students_admission_key",
                table: "students");

            migrationBuilder.DropIndex(
                name: "ix_students_county_grade_first_name_id",
                table: "students");

            migrationBuilder.DropIndex(
                name: "ix_sponsorship_consents_consented_at",
                table: "sponsorship_consents");

            migrationBuilder.DropIndex(
                name: "ix_sponsorship_consents_revoked_at",
                table: "sponsorship_consents");

            migrationBuilder.DropColumn(
                name: "admission_key",
                table: "students");
        }
    }
}
