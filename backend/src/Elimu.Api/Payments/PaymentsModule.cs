using Elimu.Api.Payments.PayPal;
using Elimu.Api.Payments.Stripe;
using Elimu.Api.Payments.Sandbox;

namespace Elimu.Api.Payments;

/// <summary>Registers the payment gateways and maps the providers' callback and webhook routes (under /api/v1/payments/).</summary>
public static class PaymentsModule
{
    public static IServiceCollection AddPaymentGateways(this IServiceCollection services, IConfiguration configuration)
    {
        // Each gateway adds itself here (one line each): services.AddSandboxGateway(configuration); ...
        services.AddMpesaGateway();
        services.AddStripeGateway();
        services.AddPayPalGateway();
        services.AddSandboxGateway(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapPaymentCallbacks(this IEndpointRouteBuilder app)
    {
        // Each gateway with a callback or webhook maps it here (one line each).
        app.MapMpesaCallback();
        app.MapStripeWebhook();
        app.MapPayPalWebhook();
        return app;
    }
}
