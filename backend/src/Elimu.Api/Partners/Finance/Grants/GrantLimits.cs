namespace Elimu.Api.Partners.Finance.Grants;

public static class GrantLimits
{
    public const int FunderLength = 200;
    public const int ReferenceLength = 100;
    public const int NotesLength = 4_000;
    public const int TitleLength = 200;
    public const int MaxAllocations = 100;
    public const int MaxDeadlines = 100;
}

/// <summary>
/// The life of a grant: an application is awarded or turned down (closed); an award becomes active when the money flows;
/// an active grant goes into reporting at the end of a period and back to active for the next, and closes when done.
/// Nothing comes back from closed. Saving the same status again is no move.
/// </summary>
public static class GrantStatusRules
{
    private static readonly Dictionary<GrantStatus, GrantStatus[]> Next = new()
    {
        [GrantStatus.applied] = [GrantStatus.awarded, GrantStatus.closed],
        [GrantStatus.awarded] = [GrantStatus.active, GrantStatus.closed],
        [GrantStatus.active] = [GrantStatus.reporting, GrantStatus.closed],
        [GrantStatus.reporting] = [GrantStatus.active, GrantStatus.closed],
        [GrantStatus.closed] = [],
    };

    public static bool CanMove(GrantStatus from, GrantStatus to) => from == to || Next[from].Contains(to);

    public static IReadOnlyList<GrantStatus> NextOf(GrantStatus from) => Next[from];
}
