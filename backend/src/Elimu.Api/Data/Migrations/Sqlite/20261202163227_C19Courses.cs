using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class C19Courses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "partner_courses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    partner_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    grade = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    learning_area = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    target_programs = table.Column<string>(type: "TEXT", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    published_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_courses", x => x.id);
                    table.ForeignKey(
                        name: "fk_partner_courses_asp_net_users_partner_id",
                        column: x => x.partner_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "partner_course_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    course_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    lesson_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    resource_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_course_items", x => x.id);
                    table.CheckConstraint("ck_partner_course_items_one_ref", "(kind = 'lesson' AND lesson_id IS NOT NULL AND resource_id IS NULL) OR (kind = 'resource' AND resource_id IS NOT NULL AND lesson_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_partner_course_items_partner_courses_course_id",
                        column: x => x.course_id,
                        principalTable: "partner_courses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_partner_course_items_partner_resources_resource_id",
                        column: x => x.resource_id,
                        principalTable: "partner_resources",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_partner_course_items_course_id_position",
                table: "partner_course_items",
                columns: new[] { "course_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_partner_course_items_lesson_id",
                table: "partner_course_items",
                column: "lesson_id");

            migrationBuilder.CreateIndex(
                name: "ix_partner_course_items_resource_id",
                table: "partner_course_items",
                column: "resource_id");

            migrationBuilder.CreateIndex(
                name: "ix_partner_courses_partner_id_status_updated_at",
                table: "partner_courses",
                columns: new[] { "partner_id", "status", "updated_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "partner_course_items");

            migrationBuilder.DropTable(
                name: "partner_courses");
        }
    }
}
