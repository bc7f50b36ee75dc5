using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I16SupportTickets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Categories outside the list (the first seed had "general", "bug", "feature_request") become "other",
            // and text is cut to the new limits, so every stored row reads back as the model types it.
            migrationBuilder.Sql("UPDATE partner_tickets SET category = 'other' WHERE category NOT IN ('billing', 'technical', 'account', 'sponsorship', 'consent', 'content', 'other');");
            migrationBuilder.Sql("UPDATE partner_tickets SET ai_triage_category = 'other' WHERE ai_triage_category IS NOT NULL AND ai_triage_category NOT IN ('billing', 'technical', 'account', 'sponsorship', 'consent', 'content', 'other');");
            migrationBuilder.Sql("UPDATE partner_tickets SET description = substr(description, 1, 10000) WHERE length(description) > 10000;");
            migrationBuilder.Sql("UPDATE partner_tickets SET resolution = substr(resolution, 1, 10000) WHERE length(resolution) > 10000;");

            migrationBuilder.AddColumn<string>(
                name: "ai_triage_source",
                table: "partner_tickets",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "closed_at",
                table: "partner_tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "opened_by",
                table: "partner_tickets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ticket_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ticket_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    author_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    party = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    @event = table.Column<string>(name: "event", type: "TEXT", maxLength: 40, nullable: true),
                    body = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_ticket_messages_partner_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "partner_tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ticket_messages_users_author_id",
                        column: x => x.author_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ticket_attachments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ticket_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    message_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    uploaded_by = table.Column<Guid>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    content_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    size_bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ticket_attachments", x => x.id);
                    table.ForeignKey(
                        name: "fk_ticket_attachments_asp_net_users_uploaded_by",
                        column: x => x.uploaded_by,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ticket_attachments_partner_tickets_ticket_id",
                        column: x => x.ticket_id,
                        principalTable: "partner_tickets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_ticket_attachments_ticket_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "ticket_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_partner_tickets_opened_by",
                table: "partner_tickets",
                column: "opened_by");

            migrationBuilder.CreateIndex(
                name: "ix_partner_tickets_status_updated_at",
                table: "partner_tickets",
                columns: new[] { "status", "updated_at" });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_attachments_message_id",
                table: "ticket_attachments",
                column: "message_id");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_attachments_ticket_id_message_id",
                table: "ticket_attachments",
                columns: new[] { "ticket_id", "message_id" });

            migrationBuilder.CreateIndex(
                name: "ix_ticket_attachments_uploaded_by",
                table: "ticket_attachments",
                column: "uploaded_by");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_messages_author_id",
                table: "ticket_messages",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "ix_ticket_messages_ticket_id_created_at",
                table: "ticket_messages",
                columns: new[] { "ticket_id", "created_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_partner_tickets_asp_net_users_opened_by",
                table: "partner_tickets",
                column: "opened_by",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_partner_tickets_asp_net_users_opened_by",
                table: "partner_tickets");

            migrationBuilder.DropTable(
                name: "ticket_attachments");

            migrationBuilder.DropTable(
                name: "ticket_messages");

            migrationBuilder.DropIndex(
                name: "ix_partner_tickets_opened_by",
                table: "partner_tickets");

            migrationBuilder.DropIndex(
                name: "ix_partner_tickets_status_updated_at",
                table: "partner_tickets");

            migrationBuilder.DropColumn(
                name: "ai_triage_source",
                table: "partner_tickets");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "partner_tickets");

            migrationBuilder.DropColumn(
                name: "opened_by",
                table: "partner_tickets");
        }
    }
}
