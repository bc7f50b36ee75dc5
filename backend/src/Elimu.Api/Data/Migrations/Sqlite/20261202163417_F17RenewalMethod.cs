using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class F17RenewalMethod : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_payment_methods_partner_id",
                table: "payment_methods");

            migrationBuilder.AddColumn<string>(
                name: "phone_number",
                table: "payment_methods",
                type: "TEXT",
                maxLength: 12,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_payment_methods_partner_id_default",
                table: "payment_methods",
                column: "partner_id",
                unique: true,
                filter: "is_default");

            migrationBuilder.CreateIndex(
                name: "ix_payment_methods_partner_id_phone_number",
                table: "payment_methods",
                columns: new[] { "partner_id", "phone_number" },
                unique: true,
                filter: "phone_number IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_payment_methods_partner_id_default",
                table: "payment_methods");

            migrationBuilder.DropIndex(
                name: "ix_payment_methods_partner_id_phone_number",
                table: "payment_methods");

            migrationBuilder.DropColumn(
                name: "phone_number",
                table: "payment_methods");

            migrationBuilder.CreateIndex(
                name: "ix_payment_methods_partner_id",
                table: "payment_methods",
                column: "partner_id");
        }
    }
}
