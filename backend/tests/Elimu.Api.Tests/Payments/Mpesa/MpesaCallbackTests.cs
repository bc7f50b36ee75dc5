using System.Net;
using System.Text;
using System.Text.Json;
using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Payments;

namespace Elimu.Api.Tests.Payments.Mpesa;

/// <summary>
/// <c>POST /api/v1/payments/mpesa/callback/{secret}</c> over HTTP, as Safaricom calls it (no session, no antiforgery
/// token): only a callback whose URL secret names its checkout request, confirmed by an STK query, reaches finance.
/// </summary>
public sealed class MpesaCallbackTests(MpesaApiFactory api) : IClassFixture<MpesaApiFactory>
{
    private static readonly Money Kes1500 = new(1500m, "KES");

    /// <summary>An STK push started through the gateway, and finance told to expect its secret.</summary>
    private async Task<(string Secret, string Reference)> PendingPaymentAsync()
    {
        var secret = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var start = await api.Gateway.StartAsync(
            new GatewayCharge(Guid.NewGuid(), Guid.NewGuid().ToString(), "INV-2026-000007", Kes1500, "Subscription", "0708374149", secret),
            CancellationToken.None);
        api.Results.Expect(secret, start.GatewayReference, Kes1500);
        return (secret, start.GatewayReference);
    }

    private static string Success(string reference, decimal amount = 1500, string receipt = "QKM0FXE6RK") => """
        {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"REFERENCE","ResultCode":0,
         "ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[
           {"Name":"MpesaReceiptNumber","Value":"RECEIPT"},{"Name":"Balance"},{"Name":"Amount","Value":AMOUNT},
           {"Name":"TransactionDate","Value":20260302003105},{"Name":"PhoneNumber","Value":254708374149}]}}}}
        """.Replace("REFERENCE", reference).Replace("RECEIPT", receipt).Replace("AMOUNT", amount.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static string Cancelled(string reference) => """
        {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"REFERENCE","ResultCode":1032,
         "ResultDesc":"Request cancelled by user"}}}
        """.Replace("REFERENCE", reference);

    private async Task PostAsync(string secret, string body, string contentType = "application/json")
    {
        using var client = api.CreateClient(); // no cookie, no XSRF header: Safaricom has neither
        using var response = await client.PostAsync($"/api/v1/payments/mpesa/callback/{secret}", new StringContent(body, Encoding.UTF8, contentType));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(0, answer.RootElement.GetProperty("ResultCode").GetInt32());
        Assert.Equal("Accepted", answer.RootElement.GetProperty("ResultDesc").GetString());
        Assert.False(response.Headers.Contains("Set-Cookie"), "a callback gets no antiforgery cookie");
    }

    private int QueriesAbout(string reference) =>
        api.Daraja.Queries.Count(q => q.GetProperty("CheckoutRequestID").GetString() == reference);

    [Fact]
    public async Task A_success_confirmed_by_the_query_is_applied_with_amount_and_receipt()
    {
        var (secret, reference) = await PendingPaymentAsync();
        api.Daraja.Outcomes[reference] = ("0", "The service request is processed successfully.");

        await PostAsync(secret, Success(reference));

        var (result, outcome) = Assert.Single(api.Results.AppliedTo(reference));
        Assert.Equal(new GatewayResult(PaymentGateway.mpesa, reference, GatewayState.Completed, Kes1500, "QKM0FXE6RK", "0",
            "The service request is processed successfully."), result);
        Assert.Equal(ResultApplied.Applied, outcome);
        Assert.Equal(1, QueriesAbout(reference));
    }

    [Fact]
    public async Task A_cancelled_payment_is_applied_as_failed_with_its_code()
    {
        var (secret, reference) = await PendingPaymentAsync();
        api.Daraja.Outcomes[reference] = ("1032", "Request cancelled by user");

        await PostAsync(secret, Cancelled(reference));

        var (result, outcome) = Assert.Single(api.Results.AppliedTo(reference));
        Assert.Equal(new GatewayResult(PaymentGateway.mpesa, reference, GatewayState.Failed, null, null, "1032", "Request cancelled by user"), result);
        Assert.Equal(ResultApplied.Applied, outcome);
    }

    [Fact]
    public async Task A_duplicated_callback_is_applied_once()
    {
        var (secret, reference) = await PendingPaymentAsync();
        api.Daraja.Outcomes[reference] = ("0", "The service request is processed successfully.");

        await PostAsync(secret, Success(reference));
        await PostAsync(secret, Success(reference));

        Assert.Equal(ResultApplied.Applied, Assert.Single(api.Results.AppliedTo(reference)).Outcome);
    }

    [Fact]
    public async Task An_unknown_secret_changes_nothing_and_asks_Daraja_nothing()
    {
        var (_, reference) = await PendingPaymentAsync();
        api.Daraja.Outcomes[reference] = ("0", "The service request is processed successfully.");

        await PostAsync("not-a-secret-we-gave", Success(reference));

        Assert.Empty(api.Results.AppliedTo(reference));
        Assert.Equal(0, QueriesAbout(reference));
    }

    [Fact]
    public async Task The_secret_of_another_payment_changes_nothing()
    {
        var (secretA, referenceA) = await PendingPaymentAsync();
        var (_, referenceB) = await PendingPaymentAsync();
        api.Daraja.Outcomes[referenceB] = ("0", "The service request is processed successfully.");

        await PostAsync(secretA, Success(referenceB));

        Assert.Empty(api.Results.AppliedTo(referenceA));
        Assert.Empty(api.Results.AppliedTo(referenceB));
        Assert.Equal(0, QueriesAbout(referenceB));
    }

    [Fact]
    public async Task An_amount_other_than_the_charge_is_refused_by_finance_and_the_payment_stays_pending()
    {
        var (secret, reference) = await PendingPaymentAsync();
        api.Daraja.Outcomes[reference] = ("0", "The service request is processed successfully.");

        await PostAsync(secret, Success(reference, amount: 1));

        var (result, outcome) = Assert.Single(api.Results.AppliedTo(reference));
        Assert.Equal(new Money(1m, "KES"), result.Amount);
        Assert.Equal(ResultApplied.Mismatch, outcome);
        // Still pending: the right callback afterwards is applied.
        await PostAsync(secret, Success(reference));
        Assert.Equal(ResultApplied.Applied, api.Results.AppliedTo(reference)[1].Outcome);
    }

    [Fact]
    public async Task The_query_decides_not_the_callbacks_claim()
    {
        var (secret, reference) = await PendingPaymentAsync();

        // Still processing at Daraja: a callback claiming success applies nothing.
        await PostAsync(secret, Success(reference));
        Assert.Empty(api.Results.AppliedTo(reference));
        Assert.Equal(1, QueriesAbout(reference));

        // Daraja says cancelled: the claimed success is applied as the failure Daraja reports.
        api.Daraja.Outcomes[reference] = ("1032", "Request cancelled by user");
        await PostAsync(secret, Success(reference));
        var (result, _) = Assert.Single(api.Results.AppliedTo(reference));
        Assert.Equal((GatewayState.Failed, "1032", (Money?)null, (string?)null), (result.State, result.Code, result.Amount, result.Receipt));
    }

    public static TheoryData<string> Malformed => new()
    {
        "this is not JSON",
        """{"Body":{"stkCallback":{"CheckoutRequestID":"ws_CO_1","ResultCode":0""",
        "{}",
        "[]",
        """{"Body":{"stkCallback":{"ResultCode":0}}}""",
        """{"Body":{"stkCallback":{"CheckoutRequestID":"ws_CO_1","ResultCode":"zero"}}}""",
        """{"Body":{"stkCallback":{"CheckoutRequestID":42,"ResultCode":0}}}""",
        """{"Body":"x"}""",
        "{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"ws_CO_1\",\"ResultCode\":0,\"pad\":\"" + new string('x', 20_000) + "\"}}}",
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_malformed_or_oversized_body_is_acknowledged_and_changes_nothing(string body)
    {
        var (secret, reference) = await PendingPaymentAsync();
        api.Daraja.Outcomes[reference] = ("0", "The service request is processed successfully.");
        var asked = api.Results.SecretsAsked.Count;

        await PostAsync(secret, body.Replace("ws_CO_1", reference));

        Assert.Empty(api.Results.AppliedTo(reference));
        Assert.Equal(asked, api.Results.SecretsAsked.Count);
        Assert.Equal(0, QueriesAbout(reference));
    }

    [Theory]
    [InlineData("/api/v1/payments/mpesa/callback/abc/extra")]
    [InlineData("/api/v1/payments/mpesa/callback")]
    [InlineData("/api/v1/payments/other")]
    public async Task Only_the_callback_route_itself_is_exempt_from_antiforgery(string path)
    {
        using var client = api.CreateClient();
        using var response = await client.PostAsync(path, new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery_failed", await response.Content.ReadAsStringAsync());
    }
}
