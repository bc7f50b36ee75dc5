namespace Elimu.Api.Partners.Enrollments;

/// <summary>
/// Finds the template's columns in a header row, forgiving how a spreadsheet user retypes them: case, spaces, dashes
/// and a few common spellings ("Admission No", "Programme") all count.
/// </summary>
public static class ImportColumns
{
    public const string StudentId = "student_id", AdmissionNumber = "admission_number", School = "school", Program = "program";

    /// <summary>The template's header, in order.</summary>
    public static readonly string[] Template = [StudentId, AdmissionNumber, School, Program];

    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["student_id"] = StudentId, ["studentid"] = StudentId, ["student_uuid"] = StudentId,
        ["admission_number"] = AdmissionNumber, ["admission_no"] = AdmissionNumber, ["admission"] = AdmissionNumber,
        ["adm_no"] = AdmissionNumber, ["admno"] = AdmissionNumber, ["admissionnumber"] = AdmissionNumber,
        ["school"] = School, ["school_name"] = School,
        ["program"] = Program, ["programme"] = Program, ["program_id"] = Program, ["program_name"] = Program,
    };

    public static ImportFile Map(string fileName, IReadOnlyList<string?> header,
        IReadOnlyList<(int Row, IReadOnlyList<string?> Cells)> records)
    {
        var index = new Dictionary<string, int>();
        for (var i = 0; i < header.Count; i++)
            if (Aliases.TryGetValue(Normalise(header[i]), out var column)) index.TryAdd(column, i);

        // Either way of naming a student is enough; say exactly which columns would make the file usable.
        var byId = index.ContainsKey(StudentId);
        var byAdmission = index.ContainsKey(AdmissionNumber) && index.ContainsKey(School);
        if (!byId && !byAdmission)
        {
            var missing = new[] { AdmissionNumber, School }.Where(c => !index.ContainsKey(c));
            ImportFileReader.Fail($"The file has no {StudentId} column and no {string.Join(" or ", missing)} column: "
                + $"name each student by {StudentId}, or by {AdmissionNumber} and {School}. Expected headers: {string.Join(",", Template)}.");
        }
        if (records.Count == 0) ImportFileReader.Fail("The file has a header but no rows of students.");

        string? Get(IReadOnlyList<string?> cells, string column) =>
            index.TryGetValue(column, out var i) && i < cells.Count ? cells[i] : null;

        var rows = records.Select(r => new ImportFileRow(r.Row, Get(r.Cells, StudentId), Get(r.Cells, AdmissionNumber),
            Get(r.Cells, School), Get(r.Cells, Program))).ToList();
        return new ImportFile(fileName, index.ContainsKey(Program), rows);
    }

    private static string Normalise(string? header) =>
        new string((header ?? "").Trim().TrimStart('\uFEFF').ToLowerInvariant()
            .Select(c => c is ' ' or '-' or '.' ? '_' : c).ToArray()).Trim('_').Replace("__", "_");
}
