using System.Net;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Payments;
using Microsoft.Extensions.DependencyInjection;

namespace Elimu.Api.Tests.Payments;

/// <summary>With the shipped settings (no keys) Stripe and PayPal are not offered and their webhooks accept nothing.</summary>
public sealed class GatewaysNotConfiguredTests(GatewaysNotConfiguredTests.ShippedSettings api) : IClassFixture<GatewaysNotConfiguredTests.ShippedSettings>
{
    /// <summary>appsettings.json as shipped; only finance's side is recorded (it lives on another branch).</summary>
    public sealed class ShippedSettings : GatewayApiFactory;

    [Theory]
    [InlineData(PaymentGateway.stripe, "/api/v1/payments/stripe/webhook")]
    [InlineData(PaymentGateway.paypal, "/api/v1/payments/paypal/webhook")]
    public async Task Unconfigured_the_gateway_is_not_offered_and_its_webhook_is_404(PaymentGateway which, string webhook)
    {
        Assert.False(api.Services.GetServices<IPaymentGateway>().Single(g => g.Gateway == which).IsConfigured);

        using var request = new HttpRequestMessage(HttpMethod.Post, webhook) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        // With no secret configured a signature over an empty key must not pass.
        request.Headers.TryAddWithoutValidation("Stripe-Signature", global::Stripe.EventUtility.GenerateSignatureHeader("{}", "", DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        var response = await api.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(api.Results.Applied);
    }
}
