using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I15SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // VIRTUAL, not STORED: SQLite cannot add a stored column to a table that has rows; a virtual one can be indexed.
            migrationBuilder.AddColumn<string>(
                name: "admission_key",
                table: "students",
                type: "TEXT",
                maxLength: 241,
                nullable: false,
                computedColumnSql: "lower(school) || '\n' || lower(admission_number)",
                stored: false);

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_students_lower_last_name;");
            migrationBuilder.Sql("DROP INDEX ix_students_lower_admission_number;");

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
