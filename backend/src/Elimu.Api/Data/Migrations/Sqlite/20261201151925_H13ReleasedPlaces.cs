using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class H13ReleasedPlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_sponsored_children_partner_student_active",
                table: "sponsored_children");

            migrationBuilder.AddColumn<DateTime>(
                name: "released_at",
                table: "sponsored_children",
                type: "TEXT",
                nullable: true);

            // Children of programs that had already ended give their place back, as ending a program now does.
            migrationBuilder.Sql(
                "UPDATE sponsored_children SET released_at = (SELECT p.updated_at FROM sponsorship_programs p WHERE p.id = sponsored_children.program_id) "
                + "WHERE program_id IN (SELECT id FROM sponsorship_programs WHERE status IN ('COMPLETED', 'CANCELLED'))");

            migrationBuilder.CreateIndex(
                name: "ux_sponsored_children_partner_student_active",
                table: "sponsored_children",
                columns: new[] { "partner_id", "student_id" },
                unique: true,
                filter: "status <> 'REMOVED' AND released_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_sponsored_children_partner_student_active",
                table: "sponsored_children");

            migrationBuilder.DropColumn(
                name: "released_at",
                table: "sponsored_children");

            migrationBuilder.CreateIndex(
                name: "ux_sponsored_children_partner_student_active",
                table: "sponsored_children",
                columns: new[] { "partner_id", "student_id" },
                unique: true,
                filter: "status <> 'REMOVED'");
        }
    }
}
