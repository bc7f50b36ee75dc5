using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class F17BudgetsGrants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "partner_budgets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    fiscal_year = table.Column<int>(type: "INTEGER", nullable: false),
                    start_month = table.Column<int>(type: "INTEGER", nullable: false),
                    total = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_budgets", x => x.id);
                    table.ForeignKey(
                        name: "fk_partner_budgets_asp_net_users_partner_id",
                        column: x => x.partner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partner_grants",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    funder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    start_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    end_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_grants", x => x.id);
                    table.ForeignKey(
                        name: "fk_partner_grants_asp_net_users_partner_id",
                        column: x => x.partner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "budget_allocations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    budget_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    program_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budget_allocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_budget_allocations_partner_budgets_budget_id",
                        column: x => x.budget_id,
                        principalTable: "partner_budgets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_budget_allocations_sponsorship_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "sponsorship_programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "grant_allocations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    grant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    program_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_grant_allocations", x => x.id);
                    table.ForeignKey(
                        name: "fk_grant_allocations_partner_grants_grant_id",
                        column: x => x.grant_id,
                        principalTable: "partner_grants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_grant_allocations_sponsorship_programs_program_id",
                        column: x => x.program_id,
                        principalTable: "sponsorship_programs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "grant_deadlines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    grant_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    due_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    submitted = table.Column<bool>(type: "INTEGER", nullable: false),
                    submitted_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_grant_deadlines", x => x.id);
                    table.ForeignKey(
                        name: "fk_grant_deadlines_partner_grants_grant_id",
                        column: x => x.grant_id,
                        principalTable: "partner_grants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "grant_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    deadline_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    uploaded_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_grant_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_grant_reports_grant_deadlines_deadline_id",
                        column: x => x.deadline_id,
                        principalTable: "grant_deadlines",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sent_grant_reminders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    deadline_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    days_before = table.Column<int>(type: "INTEGER", nullable: false),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sent_grant_reminders", x => x.id);
                    table.ForeignKey(
                        name: "fk_sent_grant_reminders_grant_deadlines_deadline_id",
                        column: x => x.deadline_id,
                        principalTable: "grant_deadlines",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_budget_allocations_budget_id_program_id",
                table: "budget_allocations",
                columns: new[] { "budget_id", "program_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_budget_allocations_program_id",
                table: "budget_allocations",
                column: "program_id");

            migrationBuilder.CreateIndex(
                name: "ix_grant_allocations_grant_id_program_id",
                table: "grant_allocations",
                columns: new[] { "grant_id", "program_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_grant_allocations_program_id",
                table: "grant_allocations",
                column: "program_id");

            migrationBuilder.CreateIndex(
                name: "ix_grant_deadlines_grant_id_due_date",
                table: "grant_deadlines",
                columns: new[] { "grant_id", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_grant_deadlines_submitted_due_date",
                table: "grant_deadlines",
                columns: new[] { "submitted", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_grant_reports_deadline_id",
                table: "grant_reports",
                column: "deadline_id");

            migrationBuilder.CreateIndex(
                name: "ix_partner_budgets_partner_id_fiscal_year",
                table: "partner_budgets",
                columns: new[] { "partner_id", "fiscal_year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_partner_grants_partner_id_funder_reference",
                table: "partner_grants",
                columns: new[] { "partner_id", "funder", "reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_partner_grants_partner_id_status",
                table: "partner_grants",
                columns: new[] { "partner_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_sent_grant_reminders_deadline_id_days_before",
                table: "sent_grant_reminders",
                columns: new[] { "deadline_id", "days_before" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "budget_allocations");

            migrationBuilder.DropTable(
                name: "grant_allocations");

            migrationBuilder.DropTable(
                name: "grant_reports");

            migrationBuilder.DropTable(
                name: "sent_grant_reminders");

            migrationBuilder.DropTable(
                name: "partner_budgets");

            migrationBuilder.DropTable(
                name: "grant_deadlines");

            migrationBuilder.DropTable(
                name: "partner_grants");
        }
    }
}
