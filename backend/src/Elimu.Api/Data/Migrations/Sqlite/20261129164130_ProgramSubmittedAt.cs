using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProgramSubmittedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "submitted_at",
                table: "sponsorship_programs",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "submitted_at",
                table: "sponsorship_programs");
        }
    }
}
