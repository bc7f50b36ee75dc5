using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Elimu.Api.Common;

/// <summary>
/// The database refusing a write because of a rule it keeps (a unique index, a foreign key, a check) or because two
/// transactions collided. The rule held and nothing was saved, so the client hears 409 Conflict and may try again;
/// a handler never has to catch these itself.
/// </summary>
internal static class DatabaseConflicts
{
    private const int SqliteConstraint = 19;

    public static ProblemDetails? ToProblem(Exception exception)
    {
        var code = exception is DbUpdateConcurrencyException ? "concurrent_update" : Classify(exception);
        if (code is null) return null;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The request conflicts with the current state.",
            Detail = code switch
            {
                "already_exists" => "This would duplicate something that already exists (another request may have just done it). Nothing was saved.",
                "still_referenced" => "This refers to something that does not exist, or that other records still use. Nothing was saved.",
                "concurrent_update" => "Another request changed the same data at the same time. Nothing was saved; try again.",
                _ => "This breaks one of the database's rules. Nothing was saved.",
            },
        };
        problem.Extensions["code"] = code;
        return problem;
    }

    /// <summary>The database refused the write by one of its rules, or it collided with another transaction.</summary>
    public static bool IsRuleViolation(Exception exception) => Classify(exception) is not null;

    /// <summary>A unique index or primary key refused the write (for code that expects to lose a race and move on).</summary>
    public static bool IsUniqueViolation(Exception exception) => Classify(exception) == "already_exists";

    private static string? Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: SqliteConstraint } s:
                    return s.SqliteExtendedErrorCode switch
                    {
                        2067 or 1555 => "already_exists",     // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
                        787 => "still_referenced",            // SQLITE_CONSTRAINT_FOREIGNKEY
                        _ => "constraint_violated",
                    };
                case PostgresException p:
                    return p.SqlState switch
                    {
                        PostgresErrorCodes.UniqueViolation => "already_exists",
                        PostgresErrorCodes.ForeignKeyViolation => "still_referenced",
                        PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected => "concurrent_update",
                        _ when p.SqlState.StartsWith("23", StringComparison.Ordinal) => "constraint_violated", // integrity class
                        _ => null,
                    };
            }
        }
        return null;
    }
}
