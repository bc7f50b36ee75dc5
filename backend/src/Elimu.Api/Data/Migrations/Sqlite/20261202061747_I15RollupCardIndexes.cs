using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I15RollupCardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_learning_daily_rollups_active_days",
                table: "learning_daily_rollups",
                columns: new[] { "student_id", "day", "last_session_at" },
                filter: "sessions > 0");

            migrationBuilder.CreateIndex(
                name: "ix_learning_daily_rollups_assessed_days",
                table: "learning_daily_rollups",
                columns: new[] { "student_id", "assessments", "assessment_score_hundredths" },
                filter: "assessments > 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_learning_daily_rollups_active_days",
                table: "learning_daily_rollups");

            migrationBuilder.DropIndex(
                name: "ix_learning_daily_rollups_assessed_days",
                table: "learning_daily_rollups");
        }
    }
}
