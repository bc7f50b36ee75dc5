namespace Elimu.Api.Tests.Infrastructure;

/// <summary>
/// A test of what only PostgreSQL offers: several API instances on one database. On the embedded SQLite file one
/// process serves the data, so such a test is reported as skipped there, and runs in the PostgreSQL pass of the suite.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.PostgresSelected) Skip = "several instances share a database only on PostgreSQL";
    }
}
