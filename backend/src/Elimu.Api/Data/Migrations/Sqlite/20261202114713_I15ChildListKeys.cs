using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <summary>
    /// The children list's keys on sponsored_children (SponsoredChild.StudentGrade, StudentFirstName): copies of the
    /// student's grade and first name, filled for the existing rows here and kept by the database from then on: a
    /// trigger fills them in every new row (whoever inserts it: EF, the bulk writers, the seeders) and another copies a
    /// student's new grade or first name into the student's rows. With them the list filtered by grade and sorted by
    /// name reads a page and its count from one index instead of joining each of the partner's children to its student.
    /// SQLite drops a table's triggers when a migration rebuilds the table: a later migration that rebuilds students or
    /// sponsored_children must create them again (ChildListKeysTests fail otherwise).
    /// </summary>
    public partial class I15ChildListKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "student_first_name",
                table: "sponsored_children",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "student_grade",
                table: "sponsored_children",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            // The existing rows, then the triggers that keep every later row current.
            migrationBuilder.Sql("""
                UPDATE sponsored_children SET (student_grade, student_first_name) =
                    (SELECT s.grade, s.first_name FROM students s WHERE s.id = sponsored_children.student_id);
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER sponsored_children_student_keys AFTER INSERT ON sponsored_children BEGIN
                    UPDATE sponsored_children SET (student_grade, student_first_name) =
                        (SELECT s.grade, s.first_name FROM students s WHERE s.id = new.student_id) WHERE rowid = new.rowid;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER sponsored_children_student_moved AFTER UPDATE OF student_id ON sponsored_children BEGIN
                    UPDATE sponsored_children SET (student_grade, student_first_name) =
                        (SELECT s.grade, s.first_name FROM students s WHERE s.id = new.student_id) WHERE rowid = new.rowid;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER students_child_list_keys AFTER UPDATE OF grade, first_name ON students BEGIN
                    UPDATE sponsored_children SET student_grade = new.grade, student_first_name = new.first_name
                    WHERE student_id = new.id;
                END;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_sponsored_children_partner_id_status_student_first_name_id",
                table: "sponsored_children",
                columns: new[] { "partner_id", "status", "student_first_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_sponsored_children_partner_id_status_student_grade_student_first_name_id",
                table: "sponsored_children",
                columns: new[] { "partner_id", "status", "student_grade", "student_first_name", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER students_child_list_keys;");
            migrationBuilder.Sql("DROP TRIGGER sponsored_children_student_moved;");
            migrationBuilder.Sql("DROP TRIGGER sponsored_children_student_keys;");

            migrationBuilder.DropIndex(
                name: "ix_sponsored_children_partner_id_status_student_first_name_id",
                table: "sponsored_children");

            migrationBuilder.DropIndex(
                name: "ix_sponsored_children_partner_id_status_student_grade_student_first_name_id",
                table: "sponsored_children");

            migrationBuilder.DropColumn(
                name: "student_first_name",
                table: "sponsored_children");

            migrationBuilder.DropColumn(
                name: "student_grade",
                table: "sponsored_children");
        }
    }
}
