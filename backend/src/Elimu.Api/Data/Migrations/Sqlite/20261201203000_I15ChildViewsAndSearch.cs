using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <summary>
    /// SQLite only: a trigram full-text table over students' first names and schools, for the student search's "part
    /// of a first name or school" (StudentPartSearch), which LIKE '%part%' could only answer by reading every student.
    /// External content (the text stays in students, keyed by rowid) kept current by triggers. PostgreSQL answers the
    /// same part with its pg_trgm indexes (I15SearchIndexes). A later migration that rebuilds the students table must
    /// recreate the triggers and rebuild the table (the search tests fail otherwise).
    /// </summary>
    public partial class I15ChildViewsAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }
    }
}
