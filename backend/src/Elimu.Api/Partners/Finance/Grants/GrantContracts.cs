namespace Elimu.Api.Partners.Finance.Grants;

public sealed record GrantListQuery(GrantStatus? Status, string? Funder, int? Page, int? PageSize);

/// <param name="NextDeadline">The earliest deadline not yet submitted, if any.</param>
public sealed record GrantSummary(Guid Id, string Funder, string Reference, decimal Amount, string Currency, DateOnly StartDate, DateOnly EndDate,
    GrantStatus Status, decimal Allocated, DateOnly? NextDeadline, int OpenDeadlines);

/// <param name="NextStatuses">The statuses the grant may move to from here.</param>
public sealed record GrantDetail(Guid Id, string Funder, string Reference, decimal Amount, string Currency, DateOnly StartDate, DateOnly EndDate,
    GrantStatus Status, IReadOnlyList<GrantStatus> NextStatuses, string? Notes, decimal Allocated, decimal Unallocated,
    IReadOnlyList<GrantAllocationView> Allocations, IReadOnlyList<GrantDeadlineView> Deadlines, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record GrantAllocationView(Guid ProgramId, string ProgramName, decimal Amount);

/// <param name="State">submitted, overdue, due_soon (within the first reminder's days) or upcoming.</param>
public sealed record GrantDeadlineView(Guid Id, DateOnly DueDate, string Title, bool Submitted, DateTime? SubmittedAt, string State,
    IReadOnlyList<GrantReportView> Reports);

public sealed record GrantReportView(Guid Id, string FileName, string ContentType, long SizeBytes, DateTime CreatedAt);

/// <summary>Creates a grant (status defaults to applied), or on PUT replaces its fields and allocations (the list is the whole set).</summary>
public sealed record SaveGrantRequest(string? Funder, string? Reference, decimal? Amount, string? Currency, DateOnly? StartDate, DateOnly? EndDate,
    GrantStatus? Status, string? Notes, IReadOnlyList<GrantAllocationRequest?>? Allocations, IReadOnlyList<DeadlineRequest?>? Deadlines);

public sealed record GrantAllocationRequest(Guid? ProgramId, decimal? Amount);

public sealed record DeadlineRequest(DateOnly? DueDate, string? Title, bool? Submitted);
