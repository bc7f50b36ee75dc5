using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class H13Consent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "changes_answer_id",
                table: "sponsorship_consents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "shown",
                table: "sponsorship_consents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "partner_id",
                table: "audit_log",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_log_students",
                columns: table => new
                {
                    audit_log_entry_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    student_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log_students", x => new { x.audit_log_entry_id, x.student_id });
                    table.ForeignKey(
                        name: "fk_audit_log_students_audit_log_audit_log_entry_id",
                        column: x => x.audit_log_entry_id,
                        principalTable: "audit_log",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_at",
                table: "audit_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_partner_id_at",
                table: "audit_log",
                columns: new[] { "partner_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_students_student_id",
                table: "audit_log_students",
                column: "student_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log_students");

            migrationBuilder.DropIndex(
                name: "ix_audit_log_at",
                table: "audit_log");

            migrationBuilder.DropIndex(
                name: "ix_audit_log_partner_id_at",
                table: "audit_log");

            migrationBuilder.DropColumn(
                name: "changes_answer_id",
                table: "sponsorship_consents");

            migrationBuilder.DropColumn(
                name: "shown",
                table: "sponsorship_consents");

            migrationBuilder.DropColumn(
                name: "partner_id",
                table: "audit_log");
        }
    }
}
