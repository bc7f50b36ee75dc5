using Elimu.Api.Data;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Enrollments;

/// <summary>A file row on its way through the checks: the student and program it names, or why it stopped.</summary>
public sealed class ImportCandidate(ImportFileRow row)
{
    public ImportFileRow Row { get; } = row;
    public Guid? StudentId { get; set; }
    public string? DisplayName { get; set; }
    public ProgramRef? Program { get; set; }
    public string? Outcome { get; private set; }
    public string Message { get; private set; } = "";
    public bool Failed => Outcome is not null;

    public void Fail(string outcome, string message) { if (!Failed) (Outcome, Message) = (outcome, message); }
}

/// <summary>
/// Resolves each row's program (id or exact name among the partner's programs) and student (by id, or by school and
/// admission number, trimmed and case-insensitive), and marks repeats of a student. Two queries whatever the row count:
/// students by id, and students by school + admission number, each sent as one array parameter.
/// </summary>
public static class ImportRowMatcher
{
    public static async Task<List<ImportCandidate>> MatchAsync(AppDbContext db, IReadOnlyList<ProgramRef> programs,
        ProgramRef? defaultProgram, ImportFile file, CancellationToken ct)
    {
        var candidates = file.Rows.Select(r => new ImportCandidate(r)).ToList();
        var resolveProgram = ProgramResolver(programs, defaultProgram);
        foreach (var c in candidates) resolveProgram(c);

        var ids = candidates.Select(c => Guid.TryParse(c.Row.StudentId, out var id) ? id : (Guid?)null)
            .OfType<Guid>().Distinct().ToList();
        var keys = candidates.Where(c => c.Row.AdmissionNumber is not null && c.Row.School is not null)
            .Select(c => Key(c.Row.School, c.Row.AdmissionNumber)).Distinct().ToList();

        var byId = ids.Count == 0 ? [] : await db.Students.AsNoTracking()
            .Where(s => EF.Parameter(ids).Contains(s.Id))
            .Select(s => new Found(s.Id, s.FirstName, s.LastName, s.School, s.AdmissionNumber))
            .ToDictionaryAsync(s => s.Id, ct);
        // The student's AdmissionKey is this Key computed by the database (lower case, school and number on two lines)
        // and indexed, so "ksm/0012" finds "KSM/0012" with one index lookup per row.
        var byKey = (keys.Count == 0 ? [] : await db.Students.AsNoTracking()
            .Where(s => EF.Parameter(keys).Contains(s.AdmissionKey))
            .Select(s => new Found(s.Id, s.FirstName, s.LastName, s.School, s.AdmissionNumber))
            .ToListAsync(ct)).ToLookup(s => Key(s.School, s.AdmissionNumber));

        var firstRowOf = new Dictionary<Guid, int>();
        foreach (var c in candidates)
        {
            var student = FindStudent(c, byId, byKey);
            if (student is null) continue;
            c.StudentId = student.Id;
            c.DisplayName = $"{student.FirstName} {student.LastName.FirstOrDefault()}.".Trim();
            if (!firstRowOf.TryAdd(student.Id, c.Row.Row))
                c.Fail(ImportOutcome.DuplicateInFile, $"The same student as row {firstRowOf[student.Id]}.");
        }
        return candidates;
    }

    private static Found? FindStudent(ImportCandidate c, Dictionary<Guid, Found> byId, ILookup<string, Found> byKey)
    {
        var r = c.Row;
        var hasKey = r.AdmissionNumber is not null && r.School is not null;
        if (r.StudentId is not null)
        {
            if (!Guid.TryParse(r.StudentId, out var id)) { c.Fail(ImportOutcome.InvalidRow, "student_id is not a valid student id."); return null; }
            if (!byId.TryGetValue(id, out var found)) { c.Fail(ImportOutcome.NotFound, "No student has this student_id."); return null; }
            // A row that names the student both ways must name the same student: a mismatch is a typo somewhere.
            if (hasKey && Key(found.School, found.AdmissionNumber) != Key(r.School, r.AdmissionNumber))
            { c.Fail(ImportOutcome.InvalidRow, "student_id and admission_number/school name different students."); return null; }
            return found;
        }
        if (!hasKey)
        {
            c.Fail(ImportOutcome.InvalidRow, r.AdmissionNumber is null && r.School is null
                ? "Name the student by student_id, or by admission_number and school."
                : r.School is null ? "Give the school as well as the admission number." : "Give the admission number as well as the school.");
            return null;
        }
        var matches = byKey[Key(r.School, r.AdmissionNumber)].ToList();
        if (matches.Count == 0) { c.Fail(ImportOutcome.NotFound, "No student has this admission number at this school."); return null; }
        if (matches.Count > 1) { c.Fail(ImportOutcome.InvalidRow, "More than one student matches; use student_id."); return null; }
        return matches[0];
    }

    private static Action<ImportCandidate> ProgramResolver(IReadOnlyList<ProgramRef> programs, ProgramRef? fallback)
    {
        var byId = programs.ToDictionary(p => p.Id);
        var byName = programs.ToLookup(p => p.Name.Trim(), StringComparer.OrdinalIgnoreCase);
        return c =>
        {
            var written = c.Row.Program;
            ProgramRef? program;
            if (written is null)
            {
                program = fallback;
                if (program is null) { c.Fail(ImportOutcome.InvalidRow, "No program: fill the program column or choose a program."); return; }
            }
            else if (Guid.TryParse(written, out var id)) program = byId.GetValueOrDefault(id);
            else
            {
                var named = byName[written].ToList();
                if (named.Count > 1) { c.Fail(ImportOutcome.ProgramNotFound, $"{named.Count} of your programs are named \"{written}\"; use the program id."); return; }
                program = named.FirstOrDefault();
            }
            if (program is null) { c.Fail(ImportOutcome.ProgramNotFound, $"You have no program \"{written}\"."); return; }
            c.Program = program;
            if (ProgramLifecycle.IsEnded(program.Status))
                c.Fail(ImportOutcome.ProgramClosed, $"\"{program.Name}\" is {program.Status} and takes no more children.");
        };
    }

    private static string Key(string? school, string? admissionNumber) =>
        $"{school?.Trim().ToLowerInvariant()}\n{admissionNumber?.Trim().ToLowerInvariant()}";

    private sealed record Found(Guid Id, string FirstName, string LastName, string School, string AdmissionNumber);
}
