using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <summary>
    /// The opt-out list's indexes (both databases), and, on SQLite only, a trigram full-text table over students' first
    /// names and schools for the student search's "part of a first name or school" (StudentPartSearch), which
    /// LIKE '%part%' could only answer by reading every student. External content (the text stays in students, keyed by rowid) kept current by triggers. PostgreSQL answers the
    /// same part with its pg_trgm indexes (I15SearchIndexes). A later migration that rebuilds the students table must
    /// recreate the triggers and rebuild the table (the search tests fail otherwise).
    /// </summary>
    public partial class I15ChildViewsAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The opt-out list of every available-students search: refusals by answer and date, withdrawals by date,
            // each with the child (replacing the single-column date indexes of I15SearchIndexes).
            migrationBuilder.DropIndex(name: "ix_sponsorship_consents_consented_at", table: "sponsorship_consents");
            migrationBuilder.DropIndex(name: "ix_sponsorship_consents_revoked_at", table: "sponsorship_consents");
            migrationBuilder.CreateIndex(
                name: "ix_sponsorship_consents_opt_out_refused",
                table: "sponsorship_consents",
                columns: new[] { "consent_given", "consented_at", "sponsored_child_id" });
            migrationBuilder.CreateIndex(
                name: "ix_sponsorship_consents_opt_out_withdrawn",
                table: "sponsorship_consents",
                columns: new[] { "revoked_at", "sponsored_child_id" });

            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE students_fts USING fts5(first_name, school, content='students', content_rowid='rowid', tokenize='trigram');
                """);
            migrationBuilder.Sql("INSERT INTO students_fts(students_fts) VALUES ('rebuild');");
            migrationBuilder.Sql("""
                CREATE TRIGGER students_fts_insert AFTER INSERT ON students BEGIN
                    INSERT INTO students_fts(rowid, first_name, school) VALUES (new.rowid, new.first_name, new.school);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER students_fts_delete AFTER DELETE ON students BEGIN
                    INSERT INTO students_fts(students_fts, rowid, first_name, school) VALUES ('delete', old.rowid, old.first_name, old.school);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER students_fts_update AFTER UPDATE OF first_name, school ON students BEGIN
                    INSERT INTO students_fts(students_fts, rowid, first_name, school) VALUES ('delete', old.rowid, old.first_name, old.school);
                    INSERT INTO students_fts(rowid, first_name, school) VALUES (new.rowid, new.first_name, new.school);
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER students_fts_update;");
            migrationBuilder.Sql("DROP TRIGGER students_fts_delete;");
            migrationBuilder.Sql("DROP TRIGGER students_fts_insert;");
            migrationBuilder.Sql("DROP TABLE students_fts;");

            migrationBuilder.DropIndex(name: "ix_sponsorship_consents_opt_out_refused", table: "sponsorship_consents");
            migrationBuilder.DropIndex(name: "ix_sponsorship_consents_opt_out_withdrawn", table: "sponsorship_consents");
            migrationBuilder.CreateIndex(name: "ix_sponsorship_consents_consented_at", table: "sponsorship_consents", column: "consented_at");
            migrationBuilder.CreateIndex(name: "ix_sponsorship_consents_revoked_at", table: "sponsorship_consents", column: "revoked_at");
        }
    }
}
