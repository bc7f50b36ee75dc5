using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Elimu.Api.Data.Migrations.Postgres
{
    /// <summary>
    /// PostgreSQL only, and not in the EF model (an INCLUDE index): the children list filtered by grade joins the
    /// partner's children with the students of that grade. With only ix_students_grade, PostgreSQL fetched every student
    /// row of the grade from the heap (3,600 at the scale data) for its hash join, 9-12 ms for the count and again for the
    /// page; from this index it reads grade, id, first name and county alone and merge-joins the children's
    /// (partner, status, student) index, 2-3 ms. SQLite reads the same keys from ix_students_id_grade_county_first_name.
    /// </summary>
    [DbContext(typeof(PostgresAppDbContext))]
    [Migration("20261202061000_I15StudentGradeCover")]
    public partial class I15StudentGradeCover : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE INDEX ix_students_grade_id_cover ON students (grade, id) INCLUDE (first_name, county);");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_students_grade_id_cover;");
        }
    }
}
