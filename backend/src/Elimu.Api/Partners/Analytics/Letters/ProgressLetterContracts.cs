namespace Elimu.Api.Partners.Analytics.Letters;

/// <summary>Letters for one program and school term; <see cref="Term"/> is a term id of <c>GET /progress-letters/terms</c> ("2026-3"), default the latest begun.</summary>
public sealed record GenerateLettersRequest(Guid? ProgramId, string? Term);

/// <summary>A school term of Billing:Terms that has begun; <see cref="Current"/> while it runs.</summary>
public sealed record LetterTermOption(string Id, string Name, DateOnly Start, DateOnly End, bool Current);

public sealed record LetterBatchAccepted(Guid Id, LetterBatchStatus Status, int Progress, string BatchUrl, string LettersUrl, string ZipUrl, string CancelUrl);

/// <summary>A batch's state, as pushed on the partner hub (event "progressLetters") and answered to polling.</summary>
public sealed record LetterBatchProgress(Guid Id, LetterBatchStatus Status, int Progress, string? Stage, int Done, int Total, string? Error);

public sealed record LetterBatchResponse(Guid Id, Guid ProgramId, string ProgramName, string TermName, DateOnly TermStart, DateOnly TermEnd,
    LetterBatchStatus Status, int Progress, string? Stage, int Done, int Total, DateTime RequestedAt, DateTime? CompletedAt, string? Error);

/// <summary>One child's letter; its narrative was written by <see cref="Provider"/>'s <see cref="Model"/>.</summary>
public sealed record LetterSummary(Guid Id, Guid SponsoredChildId, Guid StudentId, string FirstName, int Pages, int SizeBytes, string Provider,
    string Model, DateTime GeneratedAt);

public sealed record LetterBatchListQuery(int? Page, int? PageSize, Guid? ProgramId);

public sealed record LetterListQuery(int? Page, int? PageSize, string? Search);
