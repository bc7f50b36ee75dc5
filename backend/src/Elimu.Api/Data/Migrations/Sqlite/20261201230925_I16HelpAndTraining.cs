using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I16HelpAndTraining : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "training_module_completions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    partner_profile_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    course_slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    module_slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_module_completions", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_module_completions_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_training_module_completions_partner_profiles_partner_profile_id",
                        column: x => x.partner_profile_id,
                        principalTable: "partner_profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "training_webinars",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    host_name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    starts_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ends_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    join_url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    recording_url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_webinars", x => x.id);
                    table.CheckConstraint("ck_training_webinars_ends_after_start", "ends_at > starts_at");
                });

            migrationBuilder.CreateTable(
                name: "training_webinar_registrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    webinar_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    partner_profile_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_training_webinar_registrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_training_webinar_registrations_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_training_webinar_registrations_partner_profiles_partner_profile_id",
                        column: x => x.partner_profile_id,
                        principalTable: "partner_profiles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_training_webinar_registrations_training_webinars_webinar_id",
                        column: x => x.webinar_id,
                        principalTable: "training_webinars",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_training_module_completions_partner_profile_id_course_slug",
                table: "training_module_completions",
                columns: new[] { "partner_profile_id", "course_slug" });

            migrationBuilder.CreateIndex(
                name: "ix_training_module_completions_user_id_course_slug_module_slug",
                table: "training_module_completions",
                columns: new[] { "user_id", "course_slug", "module_slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_webinar_registrations_partner_profile_id_webinar_id",
                table: "training_webinar_registrations",
                columns: new[] { "partner_profile_id", "webinar_id" });

            migrationBuilder.CreateIndex(
                name: "ix_training_webinar_registrations_user_id",
                table: "training_webinar_registrations",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_training_webinar_registrations_webinar_id_user_id",
                table: "training_webinar_registrations",
                columns: new[] { "webinar_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_training_webinars_starts_at",
                table: "training_webinars",
                column: "starts_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "training_module_completions");

            migrationBuilder.DropTable(
                name: "training_webinar_registrations");

            migrationBuilder.DropTable(
                name: "training_webinars");
        }
    }
}
