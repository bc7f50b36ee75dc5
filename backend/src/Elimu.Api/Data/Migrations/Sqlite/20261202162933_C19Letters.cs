using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class C19Letters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "progress_letter_batches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    program_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    program_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    term_name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    term_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    term_end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    active_key = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    progress = table.Column<int>(type: "INTEGER", nullable: false),
                    stage = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    total = table.Column<int>(type: "INTEGER", nullable: false),
                    done = table.Column<int>(type: "INTEGER", nullable: false),
                    requested_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    requested_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    heartbeat_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    completed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    error = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_progress_letter_batches", x => x.id);
                    table.ForeignKey(
                        name: "fk_progress_letter_batches_asp_net_users_partner_id",
                        column: x => x.partner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "progress_letters",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    batch_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sponsored_child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    student_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    first_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    pages = table.Column<int>(type: "INTEGER", nullable: false),
                    size_bytes = table.Column<int>(type: "INTEGER", nullable: false),
                    provider = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    model = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    generated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_progress_letters", x => x.id);
                    table.ForeignKey(
                        name: "fk_progress_letters_progress_letter_batches_batch_id",
                        column: x => x.batch_id,
                        principalTable: "progress_letter_batches",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_progress_letter_batches_active_key",
                table: "progress_letter_batches",
                column: "active_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_progress_letter_batches_partner_id_requested_at",
                table: "progress_letter_batches",
                columns: new[] { "partner_id", "requested_at" });

            migrationBuilder.CreateIndex(
                name: "ix_progress_letter_batches_status_heartbeat_at",
                table: "progress_letter_batches",
                columns: new[] { "status", "heartbeat_at" });

            migrationBuilder.CreateIndex(
                name: "ix_progress_letters_batch_id_first_name_id",
                table: "progress_letters",
                columns: new[] { "batch_id", "first_name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_progress_letters_batch_id_sponsored_child_id",
                table: "progress_letters",
                columns: new[] { "batch_id", "sponsored_child_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "progress_letters");

            migrationBuilder.DropTable(
                name: "progress_letter_batches");
        }
    }
}
