namespace Elimu.Api.Partners.Consent;

/// <summary>
/// The program as the guardian was shown it when asked, stored with the request and never updated: the parent's view
/// of a request shows this, not the program as it is today (docs/adr/0004).
/// </summary>
public record ConsentProgramSnapshot
{
    public string PartnerName { get; set; } = "";
    public string ProgramName { get; set; } = "";
    public string? ProgramDescription { get; set; }
    public string ProgramType { get; set; } = "";
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    /// <summary>The program's goals, by title.</summary>
    public List<string> Goals { get; set; } = [];
}
