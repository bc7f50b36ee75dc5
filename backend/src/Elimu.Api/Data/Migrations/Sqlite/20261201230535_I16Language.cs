using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I16Language : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "preferred_language",
                table: "users",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "en");

            migrationBuilder.AddColumn<string>(
                name: "consent_text_sw",
                table: "sponsorship_consents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "signed_language",
                table: "sponsorship_consents",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "signed_text_sha256",
                table: "sponsorship_consents",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            // Every answer given before this migration was to the English text (the only one there was). Their hash is left
            // null: the text they signed is the stored English text, unchanged.
            migrationBuilder.Sql("UPDATE sponsorship_consents SET signed_language = 'en' WHERE consented_at IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "preferred_language",
                table: "users");

            migrationBuilder.DropColumn(
                name: "consent_text_sw",
                table: "sponsorship_consents");

            migrationBuilder.DropColumn(
                name: "signed_language",
                table: "sponsorship_consents");

            migrationBuilder.DropColumn(
                name: "signed_text_sha256",
                table: "sponsorship_consents");
        }
    }
}
