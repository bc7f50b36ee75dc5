using Elimu.Api.Partners.Account.Team;

namespace Elimu.Api.Partners.Support.Training;

public enum WebinarWhen { upcoming, past }

public enum WebinarStatus { upcoming, live, past }

public sealed record WebinarQuery(WebinarWhen? When, int? Page, int? PageSize);

public sealed record CourseQuery(int? Page, int? PageSize);

/// <param name="StartsAt">Nairobi time (+03:00).</param>
/// <param name="JoinUrl">Only for a member who registered, until the webinar ends.</param>
/// <param name="RecordingUrl">Once the webinar is over, if it was recorded.</param>
/// <param name="SeatsLeft">Null when the webinar has no seat limit.</param>
/// <param name="Registered">Whether the signed-in member holds a seat.</param>
/// <param name="TeamRegistrations">How many of the partner's own team hold a seat.</param>
public sealed record WebinarView(Guid Id, string Title, string Description, string HostName, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    int DurationMinutes, WebinarStatus Status, string? JoinUrl, string? RecordingUrl, int? Capacity, int? SeatsLeft, bool Registered,
    int TeamRegistrations);

/// <param name="CompletedModules">The signed-in member's finished modules.</param>
/// <param name="CertifiedAt">When the member finished the last module (Nairobi time); null until every module is done.</param>
public sealed record CourseSummary(string Slug, string Title, string Summary, string Level, int Minutes, int TotalModules,
    int CompletedModules, DateTimeOffset? CertifiedAt);

public sealed record CourseModuleView(string Slug, string Title, int Minutes, string Body, DateTimeOffset? CompletedAt);

public sealed record CourseView(string Slug, string Title, string Summary, string Level, int Minutes, int TotalModules,
    int CompletedModules, DateTimeOffset? CertifiedAt, string CertificateHolder, IReadOnlyList<CourseModuleView> Modules);

public sealed record TeamCourseColumn(string Slug, string Title, int TotalModules);

public sealed record MemberCourseProgress(string CourseSlug, int CompletedModules, DateTimeOffset? CertifiedAt);

public sealed record TeamMemberProgress(Guid UserId, string Name, string Email, TeamRole Role, IReadOnlyList<MemberCourseProgress> Courses);

/// <summary>The owner's table: every member of the team × every course.</summary>
public sealed record TeamTrainingProgress(IReadOnlyList<TeamCourseColumn> Courses, IReadOnlyList<TeamMemberProgress> Members);
