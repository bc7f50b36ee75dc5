namespace Elimu.Api.Partners.Enrollments;

/// <summary>What became of one data row. Spelled as the issue spells them; the UI keys its badges on these.</summary>
public static class ImportOutcome
{
    public const string Ok = "ok";
    public const string NotFound = "not_found";
    public const string AlreadySponsored = "already_sponsored";
    public const string DuplicateInFile = "duplicate_in_file";
    public const string OverMaxChildren = "over_max_children";
    public const string ProgramNotFound = "program_not_found";
    public const string ProgramClosed = "program_closed";
    public const string InvalidRow = "invalid_row";
}

/// <summary>
/// One data row of the file and its outcome. <see cref="Row"/> is 1-based under the header (row 1 is the spreadsheet's
/// second line). <see cref="StudentDisplayName"/> is first name and last initial only: the partner has no consent yet.
/// </summary>
public sealed record ImportRowResult(
    int Row,
    string? StudentId,
    string? AdmissionNumber,
    string? School,
    string? Program,
    Guid? ProgramId,
    string Outcome,
    string Message,
    string? StudentDisplayName);

/// <summary>
/// Per program of the file: how many rows would be added, and the room left after them (null: the program has no
/// maximum). A negative figure never appears; rows past the maximum are refused with over_max_children instead.
/// </summary>
public sealed record ImportProgramSummary(Guid ProgramId, string ProgramName, int Adding, int? CapacityLeft);

public sealed record ImportDryRunResponse(
    string FileName,
    int TotalRows,
    int OkRows,
    int ErrorRows,
    IReadOnlyList<ImportRowResult> Rows,
    IReadOnlyList<ImportProgramSummary> ByProgram);

public sealed record ImportCommitResponse(int Added, IReadOnlyList<ImportProgramSummary> ByProgram);

/// <summary>One row as read from the file, cells trimmed; null for a blank cell or a column the file does not have.</summary>
public sealed record ImportFileRow(int Row, string? StudentId, string? AdmissionNumber, string? School, string? Program);

/// <summary>A file that was read: its rows, and whether it has a program column at all.</summary>
public sealed record ImportFile(string FileName, bool HasProgramColumn, IReadOnlyList<ImportFileRow> Rows);
