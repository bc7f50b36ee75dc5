using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class C19Resources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "original_file_name",
                table: "partner_resources",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "rejection_reason",
                table: "partner_resources",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sha256",
                table: "partner_resources",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "stored_file_name",
                table: "partner_resources",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_partner_resources_status_created_at",
                table: "partner_resources",
                columns: new[] { "status", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_partner_resources_status_created_at",
                table: "partner_resources");

            migrationBuilder.DropColumn(
                name: "original_file_name",
                table: "partner_resources");

            migrationBuilder.DropColumn(
                name: "rejection_reason",
                table: "partner_resources");

            migrationBuilder.DropColumn(
                name: "sha256",
                table: "partner_resources");

            migrationBuilder.DropColumn(
                name: "stored_file_name",
                table: "partner_resources");
        }
    }
}
