using Elimu.Api.Data;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Elimu.Api.Tests.Data;

/// <summary>
/// I15SearchIndexes adds a computed column to students; it must apply to a database that already has students (SQLite
/// refuses to add a STORED generated column to a table with rows) and key those students for the import matcher.
/// </summary>
public sealed class SearchIndexMigrationTests
{
    [Fact]
    public async Task The_search_index_migration_applies_to_a_database_with_students_and_keys_them_for_the_import()
    {
        await using var database = TestDatabase.Create();
        AppDbContext db = database.IsPostgres
            ? new PostgresAppDbContext((DbContextOptions<PostgresAppDbContext>)new DbContextOptionsBuilder<PostgresAppDbContext>().UsePostgres(database.ConnectionString).Options)
            : new SqliteAppDbContext((DbContextOptions<SqliteAppDbContext>)new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqliteFile(database.ConnectionString).Options);
        await using (db)
        {
            await db.GetService<IMigrator>().MigrateAsync("H13ReleasedPlaces");
            var id = Guid.NewGuid();
            var noNeeds = database.IsPostgres ? "'{{}}'" : "'[]'"; // doubled braces: the SQL is a format string
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO students (id, first_name, last_name, date_of_birth, gender, grade, school, county, admission_number, learning_needs, created_at) "
                + $"VALUES ({{0}}, 'Amina', 'Abdi', {{1}}, 'female', 'Grade4', 'Garissa Township Primary School', 'Garissa', 'GAR/0042', {noNeeds}, {{2}})",
                id, new DateOnly(2015, 1, 1), DateTime.UtcNow);

            await db.Database.MigrateAsync();

            Assert.Equal(id, await db.Students.Where(s => s.AdmissionKey == "garissa township primary school\ngar/0042").Select(s => s.Id).SingleAsync());
        }
    }
}
