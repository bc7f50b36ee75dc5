using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class F17Billing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_partner_subscriptions_program_id",
                table: "partner_subscriptions");

            migrationBuilder.DropIndex(
                name: "ix_partner_payments_invoice_number",
                table: "partner_payments");

            migrationBuilder.AddColumn<DateOnly>(
                name: "anchor_date",
                table: "partner_subscriptions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<DateTime>(
                name: "cancelled_at",
                table: "partner_subscriptions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pending_billing_period",
                table: "partner_subscriptions",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "approval_url",
                table: "partner_payments",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "callback_secret_hash",
                table: "partner_payments",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "charged_amount",
                table: "partner_payments",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "charged_currency",
                table: "partner_payments",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "idempotency_key",
                table: "partner_payments",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "invoice_id",
                table: "partner_payments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "invoice_counters",
                columns: table => new
                {
                    year = table.Column<int>(type: "INTEGER", nullable: false),
                    last_number = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoice_counters", x => x.year);
                });

            migrationBuilder.CreateTable(
                name: "partner_invoices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    subscription_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    period_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    period_end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    subtotal = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    tax_rate = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    tax_amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    tax_exempt = table.Column<bool>(type: "INTEGER", nullable: false),
                    tax_id = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    issued_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    paid_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_invoices", x => x.id);
                    table.ForeignKey(
                        name: "fk_partner_invoices_partner_subscriptions_subscription_id",
                        column: x => x.subscription_id,
                        principalTable: "partner_subscriptions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_partner_invoices_users_partner_id",
                        column: x => x.partner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "partner_pricing",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    program_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    price_per_child = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_pricing", x => x.id);
                    table.ForeignKey(
                        name: "fk_partner_pricing_sponsorship_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "sponsorship_programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_partner_pricing_users_partner_id",
                        column: x => x.partner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partner_invoice_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    invoice_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sponsored_child_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    period_start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    period_end = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    unit_price = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    days_charged = table.Column<int>(type: "INTEGER", nullable: false),
                    period_days = table.Column<int>(type: "INTEGER", nullable: false),
                    prorated = table.Column<bool>(type: "INTEGER", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_invoice_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_partner_invoice_lines_partner_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "partner_invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_partner_subscriptions_program_id_running",
                table: "partner_subscriptions",
                column: "program_id",
                unique: true,
                filter: "status IN ('ACTIVE', 'PAST_DUE')");

            migrationBuilder.CreateIndex(
                name: "ix_partner_payments_callback_secret_hash",
                table: "partner_payments",
                column: "callback_secret_hash",
                filter: "callback_secret_hash IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_partner_payments_invoice_id",
                table: "partner_payments",
                column: "invoice_id");

            migrationBuilder.CreateIndex(
                name: "ix_partner_payments_invoice_number",
                table: "partner_payments",
                column: "invoice_number");

            migrationBuilder.CreateIndex(
                name: "ix_partner_payments_partner_id_idempotency_key",
                table: "partner_payments",
                columns: new[] { "partner_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_partner_invoice_lines_invoice_id",
                table: "partner_invoice_lines",
                column: "invoice_id");

            migrationBuilder.CreateIndex(
                name: "ix_partner_invoice_lines_sponsored_child_id",
                table: "partner_invoice_lines",
                column: "sponsored_child_id");

            migrationBuilder.CreateIndex(
                name: "ix_partner_invoices_number",
                table: "partner_invoices",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_partner_invoices_partner_id_issued_at",
                table: "partner_invoices",
                columns: new[] { "partner_id", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_partner_invoices_subscription_id_period_start",
                table: "partner_invoices",
                columns: new[] { "subscription_id", "period_start" },
                unique: true,
                filter: "status <> 'void'");

            migrationBuilder.CreateIndex(
                name: "ix_partner_pricing_partner_id_program_id",
                table: "partner_pricing",
                columns: new[] { "partner_id", "program_id" });

            migrationBuilder.CreateIndex(
                name: "ix_partner_pricing_program_id",
                table: "partner_pricing",
                column: "program_id");

            migrationBuilder.AddForeignKey(
                name: "fk_partner_payments_partner_invoices_invoice_id",
                table: "partner_payments",
                column: "invoice_id",
                principalTable: "partner_invoices",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_partner_payments_partner_invoices_invoice_id",
                table: "partner_payments");

            migrationBuilder.DropTable(
                name: "invoice_counters");

            migrationBuilder.DropTable(
                name: "partner_invoice_lines");

            migrationBuilder.DropTable(
                name: "partner_pricing");

            migrationBuilder.DropTable(
                name: "partner_invoices");

            migrationBuilder.DropIndex(
                name: "ix_partner_subscriptions_program_id_running",
                table: "partner_subscriptions");

            migrationBuilder.DropIndex(
                name: "ix_partner_payments_callback_secret_hash",
                table: "partner_payments");

            migrationBuilder.DropIndex(
                name: "ix_partner_payments_invoice_id",
                table: "partner_payments");

            migrationBuilder.DropIndex(
                name: "ix_partner_payments_invoice_number",
                table: "partner_payments");

            migrationBuilder.DropIndex(
                name: "ix_partner_payments_partner_id_idempotency_key",
                table: "partner_payments");

            migrationBuilder.DropColumn(
                name: "anchor_date",
                table: "partner_subscriptions");

            migrationBuilder.DropColumn(
                name: "cancelled_at",
                table: "partner_subscriptions");

            migrationBuilder.DropColumn(
                name: "pending_billing_period",
                table: "partner_subscriptions");

            migrationBuilder.DropColumn(
                name: "approval_url",
                table: "partner_payments");

            migrationBuilder.DropColumn(
                name: "callback_secret_hash",
                table: "partner_payments");

            migrationBuilder.DropColumn(
                name: "charged_amount",
                table: "partner_payments");

            migrationBuilder.DropColumn(
                name: "charged_currency",
                table: "partner_payments");

            migrationBuilder.DropColumn(
                name: "idempotency_key",
                table: "partner_payments");

            migrationBuilder.DropColumn(
                name: "invoice_id",
                table: "partner_payments");

            migrationBuilder.CreateIndex(
                name: "ix_partner_subscriptions_program_id",
                table: "partner_subscriptions",
                column: "program_id");

            migrationBuilder.CreateIndex(
                name: "ix_partner_payments_invoice_number",
                table: "partner_payments",
                column: "invoice_number",
                unique: true);
        }
    }
}
