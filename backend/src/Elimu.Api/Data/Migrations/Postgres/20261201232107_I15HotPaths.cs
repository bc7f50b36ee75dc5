using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I15HotPaths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sponsored_children_partner_id",
                table: "sponsored_children");

            migrationBuilder.CreateIndex(
                name: "ix_students_id_grade_county_first_name",
                table: "students",
                columns: new[] { "id", "grade", "county", "first_name" });

            migrationBuilder.CreateIndex(
                name: "ix_sponsored_children_partner_id_status_student_id",
                table: "sponsored_children",
                columns: new[] { "partner_id", "status", "student_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_students_id_grade_county_first_name",
                table: "students");

            migrationBuilder.DropIndex(
                name: "ix_sponsored_children_partner_id_status_student_id",
                table: "sponsored_children");

            migrationBuilder.CreateIndex(
                name: "ix_sponsored_children_partner_id",
                table: "sponsored_children",
                column: "partner_id");
        }
    }
}
