using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I16ProfileOnboarding : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "verification_note",
                table: "partner_profiles",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            // Partners that exist already were set up by an operator or the seed: verified. Sign-ups start pending.
            migrationBuilder.AddColumn<string>(
                name: "verification_status",
                table: "partner_profiles",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "verified");

            migrationBuilder.AddColumn<DateTime>(
                name: "verified_at",
                table: "partner_profiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "verified_by",
                table: "partner_profiles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "partner_profile_images",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    partner_profile_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    width = table.Column<int>(type: "INTEGER", nullable: false),
                    height = table.Column<int>(type: "INTEGER", nullable: false),
                    e_tag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    uploaded_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    uploaded_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_profile_images", x => x.id);
                    table.ForeignKey(
                        name: "fk_partner_profile_images_partner_profiles_partner_profile_id",
                        column: x => x.partner_profile_id,
                        principalTable: "partner_profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_partner_profiles_verification_status",
                table: "partner_profiles",
                column: "verification_status");

            migrationBuilder.CreateIndex(
                name: "ix_partner_profile_images_partner_profile_id_kind",
                table: "partner_profile_images",
                columns: new[] { "partner_profile_id", "kind" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "partner_profile_images");

            migrationBuilder.DropIndex(
                name: "ix_partner_profiles_verification_status",
                table: "partner_profiles");

            migrationBuilder.DropColumn(
                name: "verification_note",
                table: "partner_profiles");

            migrationBuilder.DropColumn(
                name: "verification_status",
                table: "partner_profiles");

            migrationBuilder.DropColumn(
                name: "verified_at",
                table: "partner_profiles");

            migrationBuilder.DropColumn(
                name: "verified_by",
                table: "partner_profiles");
        }
    }
}
