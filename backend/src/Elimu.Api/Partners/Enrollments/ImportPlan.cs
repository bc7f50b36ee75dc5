using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Sponsorships;

namespace Elimu.Api.Partners.Enrollments;

/// <summary>
/// The whole check of an import, shared by the dry run and the commit so both give the same verdict: match the rows,
/// then ask <see cref="EnrollmentPlanner"/> (the rules of the one-by-one add) about each program's students. Queries:
/// programs, two student look-ups, child counts, and the planner's four per program named in the file.
/// </summary>
public sealed class ImportPlan
{
    private readonly List<EnrollmentPlanner> _planners = [];

    public required ImportFile File { get; init; }
    public required IReadOnlyList<ImportRowResult> Rows { get; init; }
    public required IReadOnlyList<ImportProgramSummary> ByProgram { get; init; }
    public int OkRows => Rows.Count(r => r.Outcome == ImportOutcome.Ok);
    public bool HasErrors => OkRows != Rows.Count;

    public ImportDryRunResponse ToResponse() =>
        new(File.FileName, Rows.Count, OkRows, Rows.Count - OkRows, Rows, ByProgram);

    public static async Task<ImportPlan> CheckAsync(AppDbContext db, ProgramStore store, IConsentOptOuts optOuts, DateTime now, Guid partnerId,
        ImportFile file, string? programIdField, CancellationToken ct)
    {
        var programs = await store.OfPartnerAsync(partnerId, ct);
        var fallback = ResolveFallback(programs, programIdField, file);

        var candidates = await ImportRowMatcher.MatchAsync(db, programs, fallback, file, ct);
        var planners = new List<EnrollmentPlanner>();
        // One planner per program, with the rows still standing; the file order decides who is over the maximum.
        foreach (var group in candidates.Where(c => !c.Failed && c.Program is not null).GroupBy(c => c.Program!))
        {
            var rows = group.ToList();
            var plan = await EnrollmentPlanner.PlanAsync(db, group.Key.Id, rows.Select(c => c.StudentId!.Value).ToList(), optOuts, now, ct);
            var refused = plan.Refused.ToDictionary(r => r.StudentId);
            foreach (var c in rows)
                if (refused.TryGetValue(c.StudentId!.Value, out var why)) c.Fail(OutcomeOf(why.Reason), why.Message);
            planners.Add(plan);
        }

        var named = candidates.Where(c => c.Program is not null).Select(c => c.Program!).Distinct().ToList();
        var counts = named.Count == 0 ? [] : await store.CountsAsync(named.Select(p => p.Id).ToList(), ct);
        var byProgram = named.Select(p =>
        {
            var adding = candidates.Count(c => c.Program == p && !c.Failed);
            int? left = p.MaxChildren is { } max ? Math.Max(0, max - counts[p.Id].Enrolled - adding) : null;
            return new ImportProgramSummary(p.Id, p.Name, adding, left);
        }).ToList();

        var results = candidates.Select(c => new ImportRowResult(c.Row.Row, c.Row.StudentId ?? c.StudentId?.ToString(),
            c.Row.AdmissionNumber, c.Row.School, c.Row.Program ?? c.Program?.Name, c.Program?.Id,
            c.Outcome ?? ImportOutcome.Ok, c.Failed ? c.Message : "Ready to add.", c.DisplayName)).ToList();
        var result = new ImportPlan { File = file, Rows = results, ByProgram = byProgram };
        result._planners.AddRange(planners);
        return result;
    }

    /// <summary>Adds every accepted child to the unit of work; the caller saves once, so the import is one transaction.</summary>
    public int Apply(AppDbContext db, Guid partnerId, DateTime now)
    {
        if (HasErrors) throw new InvalidOperationException("An import with refused rows must not be applied.");
        var added = 0;
        foreach (var planner in _planners) added += planner.Enroll(db, partnerId, now);
        return added;
    }

    private static string OutcomeOf(string plannerReason) => plannerReason switch
    {
        "already_in_program" or "in_another_program" => ImportOutcome.AlreadySponsored,
        "over_max_children" => ImportOutcome.OverMaxChildren,
        "duplicate_in_request" => ImportOutcome.DuplicateInFile,
        // "not_available" (a guardian said no) reads as not found, as the student is not offered: the reason is private.
        _ => ImportOutcome.NotFound,
    };

    /// <summary>The form's programId: malformed is a 400, another partner's (or no such) program a 404.</summary>
    private static ProgramRef? ResolveFallback(List<ProgramRef> programs, string? field, ImportFile file)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            if (!file.HasProgramColumn)
                ImportFileReader.Fail($"The file has no {ImportColumns.Program} column: add one, or choose the program to enroll everyone in.");
            return null;
        }
        if (!Guid.TryParse(field, out var id)) new Validation().Check(false, "programId", "programId is not a valid id.").ThrowIfInvalid();
        return programs.FirstOrDefault(p => p.Id == id) ?? throw DomainException.NotFound("Sponsorship program");
    }
}
