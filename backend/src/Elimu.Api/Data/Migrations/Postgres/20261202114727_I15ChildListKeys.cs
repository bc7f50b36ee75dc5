using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Postgres
{
    /// <summary>
    /// The children list's keys on sponsored_children (SponsoredChild.StudentGrade, StudentFirstName): copies of the
    /// student's grade and first name, filled for the existing rows here and kept by the database from then on: a
    /// trigger fills them in every new row (whoever inserts it: EF, the bulk writers, the seeders) and another copies a
    /// student's new grade or first name into the student's rows. With them the list filtered by grade and sorted by
    /// name reads a page and its count from one index instead of joining each of the partner's children to its student.
    /// </summary>
    public partial class I15ChildListKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "student_first_name",
                table: "sponsored_children",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "student_grade",
                table: "sponsored_children",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            // The existing rows, then the triggers that keep every later row current.
            migrationBuilder.Sql("""
                UPDATE sponsored_children c SET student_grade = s.grade, student_first_name = s.first_name
                FROM students s WHERE s.id = c.student_id;
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION sponsored_children_student_keys() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    SELECT s.grade, s.first_name INTO NEW.student_grade, NEW.student_first_name FROM students s WHERE s.id = NEW.student_id;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER sponsored_children_student_keys BEFORE INSERT OR UPDATE OF student_id ON sponsored_children
                    FOR EACH ROW EXECUTE FUNCTION sponsored_children_student_keys();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION students_child_list_keys() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE sponsored_children SET student_grade = NEW.grade, student_first_name = NEW.first_name
                    WHERE student_id = NEW.id;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER students_child_list_keys AFTER UPDATE OF grade, first_name ON students FOR EACH ROW
                    WHEN (OLD.grade IS DISTINCT FROM NEW.grade OR OLD.first_name IS DISTINCT FROM NEW.first_name)
                    EXECUTE FUNCTION students_child_list_keys();
                """);

            migrationBuilder.CreateIndex(
                name: "ix_sponsored_children_partner_id_status_student_first_name_id",
                table: "sponsored_children",
                columns: new[] { "partner_id", "status", "student_first_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_sponsored_children_partner_id_status_student_grade_student_",
                table: "sponsored_children",
                columns: new[] { "partner_id", "status", "student_grade", "student_first_name", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER students_child_list_keys ON students; DROP FUNCTION students_child_list_keys();");
            migrationBuilder.Sql("DROP TRIGGER sponsored_children_student_keys ON sponsored_children; DROP FUNCTION sponsored_children_student_keys();");

            migrationBuilder.DropIndex(
                name: "ix_sponsored_children_partner_id_status_student_first_name_id",
                table: "sponsored_children");

            migrationBuilder.DropIndex(
                name: "ix_sponsored_children_partner_id_status_student_grade_student_",
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
