using System.Net;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Payments;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Elimu.Api.Tests.Payments;

/// <summary>With the shipped settings (no keys) Stripe and PayPal are not offered and their webhooks accept nothing.</summary>
public sealed class GatewaysNotConfiguredTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
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
    }
}
