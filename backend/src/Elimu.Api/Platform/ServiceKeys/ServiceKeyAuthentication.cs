using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Platform.ServiceKeys;

/// <summary>
/// Authenticates a platform service by its API key, sent as <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key</c>.
/// Only routes that ask for this scheme use it, so a user's session cookie never counts as a service, and a service key
/// never opens a user route.
/// </summary>
public sealed class ServiceKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ServiceKey";
    public const string Policy = "service";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var secret = Presented(Request);
        if (secret is null) return AuthenticateResult.NoResult();
        var key = await Context.RequestServices.GetRequiredService<ServiceKeyStore>().FindLiveAsync(secret, Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("Unknown or revoked service key.");
        var identity = new ClaimsIdentity([
            new Claim(ClaimTypes.NameIdentifier, key.Id.ToString()), new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, Policy),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Problem(StatusCodes.Status401Unauthorized, "service_key_required", "Send a live service API key as 'Authorization: Bearer <key>' or 'X-Api-Key'.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problem(StatusCodes.Status403Forbidden, "forbidden", "This key may not use this route.");

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers[HeaderName].FirstOrDefault() is { Length: > 0 } header) return header.Trim();
        var authorization = request.Headers.Authorization.FirstOrDefault();
        return authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim() : null;
    }

    private Task Problem(int status, string code, string detail)
    {
        Response.StatusCode = status;
        return Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = detail, Detail = detail, Extensions = { ["code"] = code } },
        }).AsTask();
    }
}
