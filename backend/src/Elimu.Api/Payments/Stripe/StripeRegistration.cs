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
