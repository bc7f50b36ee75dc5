namespace Elimu.Api.Partners.Sponsorships;

/// <summary>Body of POST /programs and PUT /programs/{id}. Nullable so that a missing field gets a clear message.</summary>
public sealed record ProgramRequest(
    string? Name,
    string? Description,
    ProgramType? ProgramType,
    int? MinChildren,
    int? MaxChildren,
    BillingPeriod? BillingPeriod,
    decimal? PricePerChild,
    string? Currency,
    string? CustomPricingNotes,
    DateOnly? StartDate,
    DateOnly? EndDate,
    IReadOnlyList<ProgramGoal>? Goals);

/// <summary>How many of a program's children are in each state; <c>Enrolled</c> excludes removed children and those who left.</summary>
public sealed record ProgramChildCounts(int Enrolled, int Active, int PendingConsent, int Paused, int Graduated, int Removed, int Left = 0);

public sealed record ProgramResponse(
    Guid Id,
    string Name,
    string? Description,
    ProgramType ProgramType,
    int MinChildren,
    int? MaxChildren,
    ProgramStatus Status,
    BillingPeriod BillingPeriod,
    decimal PricePerChild,
    string Currency,
    string? CustomPricingNotes,
    DateOnly? StartDate,
    DateOnly? EndDate,
    IReadOnlyList<ProgramGoal> Goals,
    DateTime? SubmittedAt,
    Guid? ApprovedBy,
    DateTime? ApprovedAt,
    string? RejectionReason,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    ProgramChildCounts Children,
    IReadOnlyList<string> AllowedActions)
{
    public static ProgramResponse From(SponsorshipProgram p, ProgramChildCounts children) => new(
        p.Id, p.Name, p.Description, p.ProgramType, p.MinChildren, p.MaxChildren, p.Status, p.BillingPeriod,
        p.PricePerChild, p.Currency, p.CustomPricingNotes, p.StartDate, p.EndDate, p.Goals, p.SubmittedAt, p.ApprovedBy, p.ApprovedAt,
        p.RejectionReason, p.CreatedAt, p.UpdatedAt, children, ProgramLifecycle.AllowedActions(p.Status));
}

public sealed record StatusChangeRequest(string? Reason);
