using Elimu.Api.Common;
using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Students;

/// <param name="Search">A part of the first name or school, or a whole surname, admission number or "first-name surname".</param>
public sealed record StudentSearch(CbcGrade? Grade, string? County, string? School, string? LearningNeed, string? Search)
{
    public bool IsEmpty => Grade is null && string.IsNullOrWhiteSpace(County) && string.IsNullOrWhiteSpace(School)
        && string.IsNullOrWhiteSpace(LearningNeed) && string.IsNullOrWhiteSpace(Search);
}

/// <summary>Students a search leaves out, as two composable lists of student ids.</summary>
/// <param name="Unique">Names each student at most once (counted in the database, from the list's own index): a partner's held places.</param>
/// <param name="Few">A short list that may repeat a student or one of <paramref name="Unique"/> (read and deduplicated here): recent opt-outs.</param>
public sealed record ExcludedStudents(IQueryable<Guid> Unique, IQueryable<Guid> Few);

/// <summary>
/// What a sponsor may see of a student before any consent: first name, last initial, grade and county, nothing more.
/// School and learning needs may narrow a search (<see cref="StudentSearch"/>) but are never returned.
/// </summary>
/// <param name="MatchScore">With a ranking (a program's preferences): how many preferences the student meets; else null.</param>
/// <param name="MatchReasons">With a ranking: why the student ranks where they do, in words a preview may show.</param>
public sealed record StudentPreview(Guid Id, Guid StudentId, string FirstName, string LastInitial, string DisplayName,
    CbcGrade Grade, string County, int? MatchScore = null, IReadOnlyList<string>? MatchReasons = null);

/// <summary>
/// The values the partner pages filter students and children by. Each is a vocabulary, not a child's data: counties are
/// Kenya's 47 (alphabetical), grades every CBC grade in school order, learning needs and schools those recorded on the platform.
/// </summary>
public sealed record StudentFilterOptions(IReadOnlyList<string> Counties, IReadOnlyList<CbcGrade> Grades,
    IReadOnlyList<string> LearningNeeds, IReadOnlyList<string> Schools);

/// <summary>Finds students and names them as much as the caller is allowed to see.</summary>
public sealed class StudentDirectory(AppDbContext db)
{
    public static string Initial(string lastName) => lastName.Length == 0 ? "" : lastName[..1].ToUpperInvariant();

    public static string PrivateName(string firstName, string lastName) => $"{firstName} {Initial(lastName)}.";

    /// <summary>The full name when the viewer may see the child, else first name and last initial.</summary>
    public static string NameFor(string firstName, string lastName, bool visible) =>
        visible ? $"{firstName} {lastName}" : PrivateName(firstName, lastName);

    /// <summary>
    /// Students matching the filters, leaving out <paramref name="excluded"/>, in the available-students order (county,
    /// grade, first name, id).
    /// </summary>
    public async Task<Paged<StudentPreview>> SearchAsync(StudentSearch filter, ExcludedStudents excluded, PageRequest page, CancellationToken ct)
    {
        var available = Available(filter, excluded);
        var rows = available.OrderBy(s => s.County).ThenBy(s => s.Grade).ThenBy(s => s.FirstName).ThenBy(s => s.Id)
            .Select(s => new Student { Id = s.Id, FirstName = s.FirstName, LastName = s.LastName, Grade = s.Grade, County = s.County });
        var items = await rows.Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        var total = await CountAvailableAsync(filter, excluded, ct);
        return new(items.Select(Preview).ToList(), page.Page, page.PageSize, total);
    }

    /// <summary>
    /// The students matching the filters, less <paramref name="excluded"/>, composable: SearchAsync pages them in its
    /// order, a ranking (Sponsorships' preference ranking) in its own.
    /// </summary>
    public IQueryable<Student> Available(StudentSearch filter, ExcludedStudents excluded)
    {
        // The page: NOT EXISTS per student (an index seek each: the partner's live children are a unique index by
        // student), not NOT IN, which SQLite listed and PostgreSQL hashed (every one of the partner's thousands of
        // children, 10-15 ms at the scale data) before reading a single row; now a page read in the index's order stops
        // after its rows (PostgreSQL: a nested-loop anti join, 1-2 ms).
        var (unique, few) = (excluded.Unique, excluded.Few);
        return Matching(filter).Where(s => !unique.Any(id => id == s.Id) && !few.Any(id => id == s.Id));
    }

    /// <summary>How many students <see cref="Available"/> holds, counted the cheapest way for the filters given.</summary>
    public async Task<int> CountAvailableAsync(StudentSearch filter, ExcludedStudents excluded, CancellationToken ct)
    {
        var (unique, few) = (excluded.Unique, excluded.Few);
        // Without a filter, seeking each of 50,000 students in the exclusions is what made the page slow: count from the
        // exclusions' side instead.
        return filter.IsEmpty
            ? await db.Students.CountAsync(ct) - await unique.CountAsync(ct)
                - (await few.Where(id => !unique.Any(u => u == id)).ToListAsync(ct)).Distinct().Count()
            : db.Database.IsSqlite() ? await Available(filter, excluded).CountAsync(ct)
            // PostgreSQL's count, which reads every match: the exclusions as EXISTS in the counted value, not in the
            // filter. There they are subplans run per match (an index seek in the live places, one in the child's
            // consents), where as NOT IN or NOT EXISTS in the filter its generic plan hashed all the partner's 9,325
            // places and every sponsored child's recent refusals per statement (59 ms for 54 matches under load, 0.9 ms
            // now), or, on a small database, scanned the students for an anti join (StudentLookupPlanTests).
            : await Matching(filter).SumAsync(s => unique.Any(id => id == s.Id) || few.Any(id => id == s.Id) ? 0 : 1, ct);
    }

    private IQueryable<Student> Matching(StudentSearch filter)
    {
        var query = db.Students.AsQueryable();
        if (filter.Grade is { } grade) query = query.Where(s => s.Grade == grade);
        if (!string.IsNullOrWhiteSpace(filter.County)) query = query.Where(s => s.County == filter.County);
        if (!string.IsNullOrWhiteSpace(filter.School)) query = query.Where(s => s.School == filter.School);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // First name and school match a part; surname and admission number only as a whole (and a full name as
            // first name plus whole surname), so the surname a preview hides cannot be guessed letter by letter.
            // Each part has an index: lower(last_name) and lower(admission_number) for the whole words (I15SearchIndexes),
            // and for the part of a first name or school PostgreSQL's trigram indexes serve the LIKE '%part%', SQLite's
            // trigram full-text table students_fts (I15ChildViewsAndSearch) a part of three letters or more.
            var term = filter.Search.Trim().ToLower();
            var space = term.LastIndexOf(' ');
            var (first, last) = space > 0 ? (term[..space].Trim(), term[(space + 1)..]) : ("", "");
            var firstPart = Anywhere(first);
            if (StudentPartSearch.Indexes(db, term))
            {
                var parts = StudentPartSearch.Ids(db, term);
                query = query.Where(s => parts.Contains(s.Id)
                    || s.LastName.ToLower() == term || s.AdmissionNumber.ToLower() == term
                    || (first != "" && s.LastName.ToLower() == last && EF.Functions.Like(s.FirstName.ToLower(), firstPart, LikeEscape)));
            }
            else
            {
                var part = Anywhere(term);
                query = query.Where(s => EF.Functions.Like(s.FirstName.ToLower(), part, LikeEscape) || EF.Functions.Like(s.School.ToLower(), part, LikeEscape)
                    || s.LastName.ToLower() == term || s.AdmissionNumber.ToLower() == term
                    || (first != "" && s.LastName.ToLower() == last && EF.Functions.Like(s.FirstName.ToLower(), firstPart, LikeEscape)));
            }
        }
        if (!string.IsNullOrWhiteSpace(filter.LearningNeed))
        {
            var need = filter.LearningNeed.Trim();
            query = query.Where(s => s.LearningNeeds.Contains(need));
        }
        return query;
    }

    private const string LikeEscape = "\\";

    /// <summary>A LIKE pattern matching <paramref name="text"/> anywhere, its own % and _ taken literally.</summary>
    private static string Anywhere(string text) =>
        "%" + text.Replace(LikeEscape, LikeEscape + LikeEscape).Replace("%", LikeEscape + "%").Replace("_", LikeEscape + "_") + "%";

    /// <summary>The most school names offered; past this the school filter is typed (it matches the exact name).</summary>
    public const int MaxSchoolOptions = 1000;

    /// <summary>Two queries, whatever the number of students.</summary>
    public async Task<StudentFilterOptions> FilterOptionsAsync(CancellationToken ct)
    {
        // Few students have needs and each has one or two, so the distinct values are taken in memory.
        var needs = (await db.Students.Where(s => s.LearningNeeds.Count > 0).Select(s => s.LearningNeeds).ToListAsync(ct))
            .SelectMany(n => n).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var schools = await db.Students.Select(s => s.School).Where(s => s != "").Distinct().OrderBy(s => s).Take(MaxSchoolOptions).ToListAsync(ct);
        return new StudentFilterOptions(
            [.. KenyaCounties.All.Order(StringComparer.Ordinal)],
            Enum.GetValues<CbcGrade>(),
            [.. needs.Where(n => !string.IsNullOrWhiteSpace(n)).Order(StringComparer.OrdinalIgnoreCase)],
            schools);
    }

    public static StudentPreview Preview(Student s) =>
        new(s.Id, s.Id, s.FirstName, Initial(s.LastName), PrivateName(s.FirstName, s.LastName), s.Grade, s.County);
}
