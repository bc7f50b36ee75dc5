using Elimu.Api.Partners.Finance;

namespace Elimu.Api.Payments;

/// <summary>The refusals a provider's callback can get: ProblemDetails, as every error of the API.</summary>
internal static class WebhookAnswers
{
    public static IResult Unverified(PaymentGateway gateway) => Results.Problem(
        statusCode: StatusCodes.Status400BadRequest, title: "The notification could not be verified.",
        detail: $"The {gateway} signature is missing, wrong or too old; nothing was changed.",
        extensions: new Dictionary<string, object?> { ["code"] = "invalid_signature" });

    public static IResult NotConfigured(PaymentGateway gateway) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound, title: "This gateway is not configured.",
        detail: $"No {gateway} credentials are configured on this server.",
        extensions: new Dictionary<string, object?> { ["code"] = "gateway_not_configured" });

    public static IResult Unavailable(PaymentGateway gateway) => Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable, title: "The provider could not be reached.",
        detail: $"{gateway} could not be asked about this notification; send it again later.",
        extensions: new Dictionary<string, object?> { ["code"] = "gateway_unavailable" });
}
