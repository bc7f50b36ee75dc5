using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I16Collaboration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "thread_id",
                table: "partner_messages",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "organizer_id",
                table: "partner_meetings",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<int>(
                name: "sequence",
                table: "partner_meetings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Messages and meetings from before threads and organizers: each message starts its own thread, and the
            // partner's founding owner organised its meetings.
            migrationBuilder.Sql("UPDATE partner_messages SET thread_id = id; UPDATE partner_meetings SET organizer_id = partner_id;");

            migrationBuilder.CreateTable(
                name: "partner_message_files",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_message_files", x => x.id);
                    table.ForeignKey(
                        name: "fk_partner_message_files_partner_messages_message_id",
                        column: x => x.message_id,
                        principalTable: "partner_messages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_partner_messages_sender_id_created_at",
                table: "partner_messages",
                columns: new[] { "sender_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_partner_messages_thread_id_created_at",
                table: "partner_messages",
                columns: new[] { "thread_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_partner_meetings_status_scheduled_at",
                table: "partner_meetings",
                columns: new[] { "status", "scheduled_at" });

            migrationBuilder.CreateIndex(
                name: "ix_partner_message_files_message_id_position",
                table: "partner_message_files",
                columns: new[] { "message_id", "position" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_partner_messages_asp_net_users_sender_id",
                table: "partner_messages",
                column: "sender_id",
                principalTable: "users",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_partner_messages_asp_net_users_sender_id",
                table: "partner_messages");

            migrationBuilder.DropTable(
                name: "partner_message_files");

            migrationBuilder.DropIndex(
                name: "ix_partner_messages_sender_id_created_at",
                table: "partner_messages");

            migrationBuilder.DropIndex(
                name: "ix_partner_messages_thread_id_created_at",
                table: "partner_messages");

            migrationBuilder.DropIndex(
                name: "ix_partner_meetings_status_scheduled_at",
                table: "partner_meetings");

            migrationBuilder.DropColumn(
                name: "thread_id",
                table: "partner_messages");

            migrationBuilder.DropColumn(
                name: "organizer_id",
                table: "partner_meetings");

            migrationBuilder.DropColumn(
                name: "sequence",
                table: "partner_meetings");
        }
    }
}
