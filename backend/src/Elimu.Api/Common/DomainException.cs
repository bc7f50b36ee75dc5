namespace Elimu.Api.Common;

/// <summary>
/// A refusal the domain makes on purpose (a rule, a missing record, a forbidden read). The exception
/// handler turns it into ProblemDetails with a machine-readable <see cref="Code"/>.
/// </summary>
public class DomainException(int status, string code, string title, string? detail = null) : Exception(detail ?? title)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string Title { get; } = title;
    public string? Detail { get; } = detail;
    public IDictionary<string, object?> Extensions { get; } = new Dictionary<string, object?>();

    public static DomainException NotFound(string what) =>
        new(StatusCodes.Status404NotFound, "not_found", $"{what} not found.");

    public static DomainException Conflict(string code, string detail) =>
        new(StatusCodes.Status409Conflict, code, "The request conflicts with the current state.", detail);

    public static DomainException Forbidden(string code, string detail) =>
        new(StatusCodes.Status403Forbidden, code, "You may not see this.", detail);
}

/// <summary>Input that fails validation: one or more messages per field. 400 by default; 422 where a contract says so
/// (well-formed input the operation cannot use, as a phone number no gateway can charge).</summary>
public sealed class ValidationFailedException(IDictionary<string, string[]> errors, int status = StatusCodes.Status400BadRequest)
    : Exception("One or more fields are invalid.")
{
    public IDictionary<string, string[]> Errors { get; } = errors;
    public int Status { get; } = status;
}
