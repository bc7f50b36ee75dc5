using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Postgres
{
    /// <summary>
    /// The opt-out list's indexes. (SQLite's migration of the same name also adds its trigram full-text table for the
    /// student search; PostgreSQL answers that search with the pg_trgm indexes of I15SearchIndexes.)
    /// </summary>
    public partial class I15ChildViewsAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The opt-out list of every available-students search: refusals by answer and date, withdrawals by date,
            // each with the child (replacing the single-column date indexes of I15SearchIndexes).
            migrationBuilder.DropIndex(name: "ix_sponsorship_consents_consented_at", table: "sponsorship_consents");
            migrationBuilder.DropIndex(name: "ix_sponsorship_consents_revoked_at", table: "sponsorship_consents");
            migrationBuilder.CreateIndex(
                name: "ix_sponsorship_consents_opt_out_refused",
                table: "sponsorship_consents",
                columns: new[] { "consent_given", "consented_at", "sponsored_child_id" });
            migrationBuilder.CreateIndex(
                name: "ix_sponsorship_consents_opt_out_withdrawn",
                table: "sponsorship_consents",
                columns: new[] { "revoked_at", "sponsored_child_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "ix_sponsorship_consents_opt_out_refused", table: "sponsorship_consents");
            migrationBuilder.DropIndex(name: "ix_sponsorship_consents_opt_out_withdrawn", table: "sponsorship_consents");
            migrationBuilder.CreateIndex(name: "ix_sponsorship_consents_consented_at", table: "sponsorship_consents", column: "consented_at");
            migrationBuilder.CreateIndex(name: "ix_sponsorship_consents_revoked_at", table: "sponsorship_consents", column: "revoked_at");
        }
    }
}
