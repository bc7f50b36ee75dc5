namespace Elimu.Api.Partners.Sponsorships;

public sealed record AddChildrenRequest(IReadOnlyList<Guid>? StudentIds);

/// <summary>Why one id of a bulk add was refused: not_found, duplicate_in_request, already_in_program, in_another_program, over_max_children.</summary>
public sealed record RefusedStudent(Guid StudentId, string Reason, string Message);

public sealed record AddChildrenResponse(IReadOnlyList<SponsoredChildSummary> Added, ProgramChildCounts Children);

public sealed record SponsoredChildSummary(Guid Id, Guid StudentId, Guid ProgramId, SponsoredChildStatus Status, DateTime EnrolledAt);
