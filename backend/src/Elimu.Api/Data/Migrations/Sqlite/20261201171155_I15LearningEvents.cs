using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I15LearningEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "learning_area_id",
                table: "activity_sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "learning_daily_rollups",
                columns: table => new
                {
                    student_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    learning_area_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    sessions = table.Column<int>(type: "INTEGER", nullable: false),
                    last_session_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    mobile_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    mobile_sessions = table.Column<int>(type: "INTEGER", nullable: false),
                    tablet_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    tablet_sessions = table.Column<int>(type: "INTEGER", nullable: false),
                    desktop_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    desktop_sessions = table.Column<int>(type: "INTEGER", nullable: false),
                    shared_lab_minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    shared_lab_sessions = table.Column<int>(type: "INTEGER", nullable: false),
                    lessons_completed = table.Column<int>(type: "INTEGER", nullable: false),
                    assessments = table.Column<int>(type: "INTEGER", nullable: false),
                    assessment_score_hundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    achievements = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_learning_daily_rollups", x => new { x.student_id, x.day, x.learning_area_id });
                    table.ForeignKey(
                        name: "fk_learning_daily_rollups_students_student_id",
                        column: x => x.student_id,
                        principalTable: "students",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learning_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    student_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    service_key_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    received_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_learning_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "service_api_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    key_hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_used_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    revoked_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_service_api_keys", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_activity_sessions_learning_area_id",
                table: "activity_sessions",
                column: "learning_area_id");

            migrationBuilder.CreateIndex(
                name: "ix_service_api_keys_key_hash",
                table: "service_api_keys",
                column: "key_hash",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_activity_sessions_learning_areas_learning_area_id",
                table: "activity_sessions",
                column: "learning_area_id",
                principalTable: "learning_areas",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_activity_sessions_learning_areas_learning_area_id",
                table: "activity_sessions");

            migrationBuilder.DropTable(
                name: "learning_daily_rollups");

            migrationBuilder.DropTable(
                name: "learning_events");

            migrationBuilder.DropTable(
                name: "service_api_keys");

            migrationBuilder.DropIndex(
                name: "ix_activity_sessions_learning_area_id",
                table: "activity_sessions");

            migrationBuilder.DropColumn(
                name: "learning_area_id",
                table: "activity_sessions");
        }
    }
}
