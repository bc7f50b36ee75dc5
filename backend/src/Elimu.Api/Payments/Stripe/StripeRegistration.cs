using Elimu.Api.Common;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Payments.Stripe;

public static class StripeRegistration
{
    public static IServiceCollection AddStripeGateway(this IServiceCollection services)
    {
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.Section)
            .Validate(o => o.IsValid(out _), $"{StripeOptions.Section} is invalid (Currency, BaseUrl, or KesPerUnit for a currency other than KES).")
            .ValidateOnStart();
        services.AddHttpClient(StripeGateway.HttpClientName)
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StripeOptions>>().Value.Timeout);
        services.AddSingleton<IPaymentGateway, StripeGateway>();
        services.AddSingleton<IPageSources, StripePageSources>();
        services.AddWebhookEventLedger();
        return services;
    }

    public static IEndpointRouteBuilder MapStripeWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(StripeWebhook.Path, StripeWebhook.Handle).AllowAnonymous().WithTags("Payments")
            .Accepts<System.Text.Json.JsonElement>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Stripe's signed event (Stripe-Signature). payment_intent.succeeded and payment_intent.payment_failed are applied once; other events are acknowledged.");
        return app;
    }
}

/// <summary>
/// What the card form needs in the page's CSP, and only while it is offered: Stripe.js (script), its card fields and 3-D
/// Secure frames, and the address it sends the card to. Stripe's own frames for 3-D Secure come from hooks.stripe.com.
/// </summary>
internal sealed class StripePageSources(IOptions<StripeOptions> options) : IPageSources
{
    private StripeOptions O => options.Value;
    private string Js => O.CardFormOffered ? SecurityHeaders.OriginOf(O.JsUrl) : "";

    public IEnumerable<string> ScriptOrigins => [Js];
    public IEnumerable<string> FrameOrigins =>
        O.CardFormOffered ? [Js, .. Js.Equals("https://js.stripe.com", StringComparison.OrdinalIgnoreCase) ? new[] { "https://hooks.stripe.com" } : []] : [];
    public IEnumerable<string> ConnectOrigins => [O.CardFormOffered ? SecurityHeaders.OriginOf(O.BrowserApiUrl) : ""];
}
