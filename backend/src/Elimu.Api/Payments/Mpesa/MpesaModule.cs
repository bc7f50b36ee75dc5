using Elimu.Api.Payments.Mpesa;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Payments;

/// <summary>The M-Pesa gateway's registration and route (in the module's namespace, so PaymentsModule names each in one line).</summary>
public static class MpesaModule
{
    /// <summary>The M-Pesa gateway, always registered: without credentials it says <c>IsConfigured = false</c>.</summary>
    public static IServiceCollection AddMpesaGateway(this IServiceCollection services)
    {
        services.AddOptions<MpesaOptions>().BindConfiguration(MpesaOptions.Section)
            .Validate(o => MpesaOptions.IsHttpUrl(o.BaseUrl), $"{MpesaOptions.Section}:BaseUrl must be an absolute http(s) URL.")
            .Validate(o => string.IsNullOrWhiteSpace(o.CallbackBaseUrl) || MpesaOptions.IsHttpUrl(o.CallbackBaseUrl),
                $"{MpesaOptions.Section}:CallbackBaseUrl must be the public http(s) base URL of this API, e.g. https://elimu.example.org.")
            .Validate(o => string.IsNullOrWhiteSpace(o.ShortCode) || o.ShortCode.All(char.IsAsciiDigit),
                $"{MpesaOptions.Section}:ShortCode must be digits (the paybill or store number).")
            .Validate(o => o.Timeout > TimeSpan.Zero, $"{MpesaOptions.Section}:Timeout must be positive.")
            .ValidateOnStart();
        services.AddSingleton<DarajaTokenCache>();
        services.AddHttpClient<DarajaClient>((sp, http) =>
        {
            var mpesa = sp.GetRequiredService<IOptions<MpesaOptions>>().Value;
            http.BaseAddress = new Uri(mpesa.BaseUrl.TrimEnd('/') + "/");
            http.Timeout = mpesa.Timeout;
        });
        services.AddTransient<MpesaGateway>();
        services.AddTransient<IPaymentGateway>(sp => sp.GetRequiredService<MpesaGateway>());
        return services;
    }

    public static IEndpointRouteBuilder MapMpesaCallback(this IEndpointRouteBuilder app)
    {
        // Safaricom's route, not the SPA's: left out of the OpenAPI document (its answers are Safaricom's format).
        app.MapPost(MpesaCallback.Path + "/{secret}", MpesaCallback.Handle).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
