using System.Net;

namespace Elimu.Api.Payments.PayPal;

/// <summary>A non-2xx answer from PayPal, with the first <c>details[].issue</c> when it gave one.</summary>
internal sealed class PayPalApiException(HttpStatusCode status, PayPalError? error)
    : Exception($"PayPal answered {(int)status} {error?.Name ?? error?.Error}: {Describe(error)} (debug_id {error?.DebugId})")
{
    public HttpStatusCode Status { get; } = status;
    public string? Issue { get; } = error?.Details?.FirstOrDefault()?.Issue;
    public string? IssueDescription { get; } = error?.Details?.FirstOrDefault()?.Description ?? error?.Message;

    private static string Describe(PayPalError? e) =>
        e?.Details?.FirstOrDefault() is { } d ? $"{d.Issue} {d.Description}" : e?.Message ?? e?.ErrorDescription ?? "no details";
}
