using Elimu.Api.Platform.Students;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Data;

/// <summary>The embedded default; its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // SQLite cannot add a STORED generated column to a table that has rows; a VIRTUAL one can be added and indexed.
        builder.Entity<Student>().Property(s => s.AdmissionKey).HasComputedColumnSql(StudentConfiguration.AdmissionKeySql, stored: false);
    }
}

/// <summary>Production; its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
