namespace Elimu.Api.Partners.Support;

public static class TicketLimits
{
    public const int SubjectLength = 200;
    /// <summary>Description, replies and resolutions: a long email's worth.</summary>
    public const int TextLength = 10_000;
    /// <summary>A partner may reopen a resolved ticket for this long after it was resolved.</summary>
    public static readonly TimeSpan ReopenWindow = TimeSpan.FromDays(14);
}
