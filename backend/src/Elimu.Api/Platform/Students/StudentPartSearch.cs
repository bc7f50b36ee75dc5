using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Students;

/// <summary>
/// The "part of a first name or school" of the student search, on SQLite: SQLite has no index for LIKE '%part%', so the
/// SQLite migration I15ChildViewsAndSearch keeps an FTS5 table with the trigram tokenizer over students' first names
/// and schools (students_fts, current through triggers on students), and a part is looked up there. PostgreSQL keeps
/// LIKE, which its pg_trgm indexes serve.
/// </summary>
internal static class StudentPartSearch
{
    /// <summary>A trigram index finds nothing shorter than a trigram; a shorter part is matched with LIKE (a scan).</summary>
    public const int MinLength = 3;

    public static bool Indexes(AppDbContext db, string term) => db.Database.IsSqlite() && term.EnumerateRunes().Count() >= MinLength;

    /// <summary>Students whose first name or school contains <paramref name="term"/>, case-insensitively; composable.</summary>
    public static IQueryable<Guid> Ids(AppDbContext db, string term) =>
        db.Database.SqlQuery<Guid>($"""
            SELECT s.id AS "Value" FROM students_fts JOIN students AS s ON s.rowid = students_fts.rowid
            WHERE students_fts MATCH {Phrase(term)}
            """);

    /// <summary>
    /// The term as one FTS5 phrase: inside double quotes every character is literal (so % _ ' * and the query syntax's
    /// AND, OR, NEAR mean nothing) except a double quote, which is doubled.
    /// </summary>
    private static string Phrase(string term) => "\"" + term.Replace("\"", "\"\"") + "\"";
}
