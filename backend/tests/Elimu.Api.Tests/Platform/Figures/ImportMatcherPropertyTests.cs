using CsCheck;
using Elimu.Api.Partners.Enrollments;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;

namespace Elimu.Api.Tests.Platform.Figures;

/// <summary>
/// Properties of the import matcher over random files naming a few known students (by id, or by school and admission
/// number in any case and padding, or not at all), in random order: it never gives one student to two rows, each row
/// gets the student it names, and the students found do not depend on the order of the rows.
/// </summary>
public sealed class ImportMatcherPropertyTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    private sealed record Known(Guid Id, string School, string Admission);

    /// <summary>A file row and the student it names (null: nobody).</summary>
    private sealed record Named(Guid? Student, string? StudentId, string? Admission, string? School);

    [Fact]
    public async Task Matching_never_gives_one_student_to_two_rows_and_does_not_depend_on_row_order()
    {
        var batch = Guid.NewGuid().ToString("N")[..6];
        var known = Enumerable.Range(0, 6).Select(i => new Known(Guid.NewGuid(), $"Matcher School {batch}", $"ADM/{batch}/{i}")).ToList();
        await api.WithDbAsync(async db =>
        {
            db.Students.AddRange(known.Select((k, i) => new Student
            {
                Id = k.Id, FirstName = $"Match{i}", LastName = "Prop", DateOfBirth = new DateOnly(2015, 1, 1), Grade = CbcGrade.Grade4,
                School = k.School, County = "Nairobi", AdmissionNumber = k.Admission,
            }));
            await db.SaveChangesAsync();
        });
        var program = new ProgramRef(Guid.NewGuid(), "Matcher cohort", ProgramStatus.DRAFT, null);

        // A row names student k (0..5) by id, by key with noise, or names an unknown admission number (k = -1).
        var row = Gen.Select(Gen.Int[-1, 5], Gen.Int[0, 2], Gen.Bool, Gen.Int[0, 2]).Select((k, how, upper, pad) =>
        {
            var spaces = new string(' ', pad);
            if (k < 0) return new Named(null, null, $"NOPE-{how}", known[0].School);
            var s = known[k];
            return how == 0
                ? new Named(s.Id, s.Id.ToString(), null, null)
                : new Named(s.Id, null, spaces + (upper ? s.Admission.ToUpperInvariant() : s.Admission.ToLowerInvariant()) + spaces, spaces + s.School.ToUpperInvariant());
        });

        await Gen.Select(row.List[1, 12], Gen.Int).SampleAsync(async (rows, seed) =>
        {
            var file = new ImportFile("t.csv", false, rows.Select((r, i) => new ImportFileRow(i + 2, r.StudentId, r.Admission, r.School, null)).ToList());
            var shuffled = file with { Rows = [.. file.Rows.OrderBy(r => HashCode.Combine(r.Row, seed))] };
            var (a, b) = await api.WithDbAsync(async db => (
                await ImportRowMatcher.MatchAsync(db, [program], program, file, CancellationToken.None),
                await ImportRowMatcher.MatchAsync(db, [program], program, shuffled, CancellationToken.None)));

            var accepted = a.Where(c => !c.Failed).ToList();
            var oneRowPerStudent = accepted.Select(c => c.StudentId).Distinct().Count() == accepted.Count;
            var namesItsStudent = a.All(c => c.StudentId == rows[c.Row.Row - 2].Student);
            var sameStudents = accepted.Select(c => c.StudentId).ToHashSet().SetEquals(b.Where(c => !c.Failed).Select(c => c.StudentId));
            var sameAnswerPerRow = a.All(c => b.Single(x => x.Row.Row == c.Row.Row).StudentId == c.StudentId);
            return oneRowPerStudent && namesItsStudent && sameStudents && sameAnswerPerRow;
        }, iter: 40);
    }
}
