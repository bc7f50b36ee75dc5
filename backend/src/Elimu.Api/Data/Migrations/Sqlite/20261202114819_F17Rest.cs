using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class F17Rest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_partner_payments_partner_id",
                table: "partner_payments");

            migrationBuilder.CreateIndex(
                name: "ix_partner_payments_history",
                table: "partner_payments",
                columns: new[] { "partner_id", "created_at", "id", "status", "payment_gateway" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_partner_payments_history",
                table: "partner_payments");

            migrationBuilder.CreateIndex(
                name: "ix_partner_payments_partner_id",
                table: "partner_payments",
                column: "partner_id");
        }
    }
}
