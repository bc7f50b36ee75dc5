using Microsoft.Extensions.Options;

namespace Elimu.Api.Payments.PayPal;

public static class PayPalRegistration
{
    public static IServiceCollection AddPayPalGateway(this IServiceCollection services)
    {
        services.AddOptions<PayPalOptions>().BindConfiguration(PayPalOptions.Section)
            .Validate(o => o.IsValid(out _), $"{PayPalOptions.Section} is invalid (Currency, BaseUrl, or KesPerUsd).")
            .ValidateOnStart();
        services.AddSingleton<PayPalTokenCache>();
        services.AddHttpClient<PayPalClient>()
            .ConfigureHttpClient((sp, http) => http.Timeout = sp.GetRequiredService<IOptions<PayPalOptions>>().Value.Timeout);
        services.AddTransient<IPaymentGateway, PayPalGateway>();
        services.AddWebhookEventLedger();
        return services;
    }

    public static IEndpointRouteBuilder MapPayPalWebhook(this IEndpointRouteBuilder app)
    {
        app.MapPost(PayPalWebhook.Path, PayPalWebhook.Handle).AllowAnonymous().WithTags("Payments")
            .Accepts<System.Text.Json.JsonElement>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("PayPal's event, verified through verify-webhook-signature. An approved order is captured; completed and denied captures are applied once.");
        return app;
    }
}
