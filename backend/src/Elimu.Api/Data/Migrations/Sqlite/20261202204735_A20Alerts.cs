using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class A20Alerts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alert_thresholds",
                columns: table => new
                {
                    owner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    program_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sponsored_child_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    days_inactive = table.Column<int>(type: "INTEGER", nullable: true),
                    score_fall_points = table.Column<int>(type: "INTEGER", nullable: true),
                    score_fall_weeks = table.Column<int>(type: "INTEGER", nullable: true),
                    weekly_minutes_below = table.Column<int>(type: "INTEGER", nullable: true),
                    goal_days_left = table.Column<int>(type: "INTEGER", nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_by = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_alert_thresholds", x => x.owner_id);
                    table.ForeignKey(
                        name: "fk_alert_thresholds_asp_net_users_partner_id",
                        column: x => x.partner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "child_alerts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    program_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sponsored_child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    summary = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 12, scale: 1, nullable: false),
                    threshold = table.Column<decimal>(type: "TEXT", precision: 12, scale: 1, nullable: false),
                    raised_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    seen_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    seen_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    dismissed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    dismissed_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    dismiss_note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    resolved_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_child_alerts", x => x.id);
                    table.ForeignKey(
                        name: "fk_child_alerts_asp_net_users_partner_id",
                        column: x => x.partner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_alert_thresholds_partner_id_program_id",
                table: "alert_thresholds",
                columns: new[] { "partner_id", "program_id" });

            migrationBuilder.CreateIndex(
                name: "ix_child_alerts_partner_id_raised_at",
                table: "child_alerts",
                columns: new[] { "partner_id", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "ix_child_alerts_partner_id_state_raised_at",
                table: "child_alerts",
                columns: new[] { "partner_id", "state", "raised_at" });

            migrationBuilder.CreateIndex(
                name: "ux_child_alerts_open",
                table: "child_alerts",
                columns: new[] { "sponsored_child_id", "kind" },
                unique: true,
                filter: "resolved_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_thresholds");

            migrationBuilder.DropTable(
                name: "child_alerts");
        }
    }
}
