using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Elimu.Api.Common;

/// <summary>The one place where domain refusals become RFC 9457 ProblemDetails, so handlers never build error bodies.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails? problem = exception switch
        {
            ValidationFailedException v => new HttpValidationProblemDetails(v.Errors)
            {
                Status = v.Status,
                Title = "One or more fields are invalid.",
                Extensions = { ["code"] = "validation_failed" },
            },
            DomainException d => ToProblem(d),
            _ when DatabaseConflicts.ToProblem(exception) is { } conflict => conflict,
            BadHttpRequestException { InnerException: JsonException { Path: { Length: > 2 } path } } => new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { [FieldOf(path)] = ["This value is not valid here."] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more fields are invalid.",
                Extensions = { ["code"] = "validation_failed" },
            },
            BadHttpRequestException b => new ProblemDetails
            {
                Status = b.StatusCode,
                Title = "The request could not be read.",
                Detail = b.Message,
                Extensions = { ["code"] = b.StatusCode switch
                {
                    StatusCodes.Status415UnsupportedMediaType => "unsupported_media_type",
                    StatusCodes.Status413PayloadTooLarge => "payload_too_large",
                    _ => "bad_request",
                } },
            },
            _ => null,
        };
        if (problem is null) return false;

        http.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new() { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>"$.goals[0].title" → "goals[0].title", the key the client uses for the field.</summary>
    private static string FieldOf(string jsonPath) => jsonPath.StartsWith("$.") ? jsonPath[2..] : jsonPath.TrimStart('$');

    private static ProblemDetails ToProblem(DomainException d)
    {
        var problem = new ProblemDetails { Status = d.Status, Title = d.Title, Detail = d.Detail };
        problem.Extensions["code"] = d.Code;
        foreach (var (key, value) in d.Extensions) problem.Extensions[key] = value;
        return problem;
    }
}
