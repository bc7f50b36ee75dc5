using System.Text;
using System.Text.Json;
using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Payments;
using Elimu.Api.Payments.Mpesa;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Tests.Payments.Mpesa;

/// <summary>STK Push, STK query and the token against a fake Daraja that checks every request as Daraja documents it.</summary>
public sealed class MpesaGatewayTests(MpesaApiFactory api) : IClassFixture<MpesaApiFactory>
{
    private static readonly Money Kes1500 = new(1500m, "KES");

    private static GatewayCharge Charge(Money amount, string phone = "0712 345 678", string secret = "s3cret-Abc_123") =>
        new(Guid.NewGuid(), Guid.NewGuid().ToString(), "INV-2026-000123", amount, "Elimu subscription March", phone, secret);

    private JsonElement PushFor(string checkout) => api.Daraja.Accepted[checkout];

    [Fact]
    public async Task Stk_push_is_sent_as_Daraja_documents_it()
    {
        var start = await api.Gateway.StartAsync(Charge(Kes1500), CancellationToken.None);

        Assert.Equal(GatewayState.Pending, start.State);
        Assert.StartsWith("ws_CO_", start.GatewayReference);
        var push = PushFor(start.GatewayReference);
        // 21:30:05 UTC on 1 March is 00:30:05 on 2 March in Nairobi; the password is built with that same timestamp.
        Assert.Equal("20260302003005", push.GetProperty("Timestamp").GetString());
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(FakeDarajaServer.ShortCode + FakeDarajaServer.Passkey + "20260302003005")),
            push.GetProperty("Password").GetString());
        Assert.Equal(JsonValueKind.Number, push.GetProperty("Amount").ValueKind);
        Assert.Equal("1500", push.GetProperty("Amount").GetRawText());
        Assert.Equal("254712345678", push.GetProperty("PhoneNumber").GetString());
        Assert.Equal("254712345678", push.GetProperty("PartyA").GetString());
        Assert.Equal("174379", push.GetProperty("PartyB").GetString());
        Assert.Equal("CustomerPayBillOnline", push.GetProperty("TransactionType").GetString());
        Assert.Equal("https://elimu.test/api/v1/payments/mpesa/callback/s3cret-Abc_123", push.GetProperty("CallBackURL").GetString());
        Assert.Equal("2026000123", push.GetProperty("AccountReference").GetString());
        Assert.Equal("Elimu subscri", push.GetProperty("TransactionDesc").GetString());
        Assert.Empty(api.Daraja.Violations);
    }

    [Theory]
    [InlineData("0712345678")]
    [InlineData("712345678")]
    [InlineData("+254712345678")]
    [InlineData("254712345678")]
    [InlineData("0112-345-678")]
    public async Task Phone_numbers_in_every_Kenyan_form_become_12_digits(string phone)
    {
        var start = await api.Gateway.StartAsync(Charge(Kes1500, phone), CancellationToken.None);
        var expected = phone.Contains("112") ? "254112345678" : "254712345678";
        Assert.Equal(expected, PushFor(start.GatewayReference).GetProperty("PhoneNumber").GetString());
    }

    [Theory]
    [InlineData("0812345678")]
    [InlineData("25471234567")]
    [InlineData("+1 555 123 4567")]
    [InlineData("")]
    public async Task Another_phone_number_is_a_422_naming_phoneNumber_and_sends_nothing(string phone)
    {
        var pushes = api.Daraja.Pushes.Count;
        var refused = await Assert.ThrowsAsync<DomainException>(() => api.Gateway.StartAsync(Charge(Kes1500, phone), CancellationToken.None));
        Assert.Equal(422, refused.Status);
        Assert.True(((IDictionary<string, string[]>)refused.Extensions["errors"]!).ContainsKey("phoneNumber"));
        Assert.Equal(pushes, api.Daraja.Pushes.Count);
    }

    [Fact]
    public async Task Cents_are_charged_up_to_the_next_shilling_and_that_whole_amount_is_sent()
    {
        Assert.Equal(new Money(1235m, "KES"), api.Gateway.ChargeFor(new Money(1234.01m, "KES")));
        Assert.Equal(new Money(1500m, "KES"), api.Gateway.ChargeFor(new Money(1500.00m, "KES")));
        Assert.Equal("currency_not_supported", Assert.Throws<DomainException>(() => api.Gateway.ChargeFor(new Money(10m, "USD"))).Code);

        var start = await api.Gateway.StartAsync(Charge(api.Gateway.ChargeFor(new Money(1234.01m, "KES"))), CancellationToken.None);
        Assert.Equal("1235", PushFor(start.GatewayReference).GetProperty("Amount").GetRawText());
        // A charge that did not come from ChargeFor is a bug in the caller, never sent.
        await Assert.ThrowsAsync<InvalidOperationException>(() => api.Gateway.StartAsync(Charge(new Money(1234.01m, "KES")), CancellationToken.None));
    }

    [Fact]
    public async Task The_token_is_reused_until_shortly_before_it_expires()
    {
        await api.Gateway.StartAsync(Charge(Kes1500), CancellationToken.None);
        var issued = api.Daraja.TokensIssued;
        await api.Gateway.StartAsync(Charge(Kes1500), CancellationToken.None);
        api.Time.Advance(TimeSpan.FromMinutes(57));
        await api.Gateway.StartAsync(Charge(Kes1500), CancellationToken.None);
        Assert.Equal(issued, api.Daraja.TokensIssued);

        api.Time.Advance(TimeSpan.FromMinutes(2)); // 59 min: within the last minute of 3599 s
        await api.Gateway.StartAsync(Charge(Kes1500), CancellationToken.None);
        Assert.Equal(issued + 1, api.Daraja.TokensIssued);
    }

    [Fact]
    public async Task An_expired_token_is_fetched_again_once_and_the_push_sent_again_once()
    {
        await api.Gateway.StartAsync(Charge(Kes1500), CancellationToken.None); // a token is cached
        var (issued, pushes) = (api.Daraja.TokensIssued, api.Daraja.Pushes.Count);

        api.Daraja.ExpireTokens = 1;
        var start = await api.Gateway.StartAsync(Charge(Kes1500), CancellationToken.None);
        Assert.Equal(GatewayState.Pending, start.State);
        Assert.Equal(issued + 1, api.Daraja.TokensIssued);
        Assert.Equal(pushes + 1, api.Daraja.Pushes.Count); // the refused attempt never reached the push handler's body

        // Refused again after the new token: no loop, the provider's words.
        api.Daraja.ExpireTokens = 5;
        var refused = await Assert.ThrowsAsync<GatewayUnavailableException>(() => api.Gateway.StartAsync(Charge(Kes1500), CancellationToken.None));
        Assert.Contains("401.003.01", refused.Message);
        Assert.Equal(issued + 2, api.Daraja.TokensIssued);
        Assert.Equal(3, api.Daraja.ExpireTokens); // two sends refused, no third
        api.Daraja.ExpireTokens = 0;
    }

    [Fact]
    public async Task Darajas_error_envelope_is_unavailable_with_the_providers_message()
    {
        api.Daraja.NextPushError = (500, "500.001.1001", "Unable to lock subscriber, a transaction is already in process for the current subscriber");
        var refused = await Assert.ThrowsAsync<GatewayUnavailableException>(() => api.Gateway.StartAsync(Charge(Kes1500), CancellationToken.None));
        Assert.Equal(PaymentGateway.mpesa, refused.Gateway);
        Assert.Contains("a transaction is already in process for the current subscriber", refused.Message);
        Assert.Contains("500.001.1001", refused.Message);
    }

    [Fact]
    public async Task The_query_says_pending_completed_or_failed_with_Darajas_code()
    {
        var reference = (await api.Gateway.StartAsync(Charge(Kes1500), CancellationToken.None)).GatewayReference;
        Assert.Equal(GatewayState.Pending, (await api.Gateway.QueryAsync(reference, CancellationToken.None)).State);

        api.Daraja.Outcomes[reference] = ("0", "The service request is processed successfully.");
        Assert.Equal(new GatewayResult(PaymentGateway.mpesa, reference, GatewayState.Completed, Code: "0", Message: "The service request is processed successfully."),
            await api.Gateway.QueryAsync(reference, CancellationToken.None));

        api.Daraja.Outcomes[reference] = ("1032", "Request cancelled by user");
        Assert.Equal(new GatewayResult(PaymentGateway.mpesa, reference, GatewayState.Failed, Code: "1032", Message: "Request cancelled by user"),
            await api.Gateway.QueryAsync(reference, CancellationToken.None));

        api.Daraja.Outcomes[reference] = ("1037", "DS timeout user cannot be reached");
        var timeout = await api.Gateway.QueryAsync(reference, CancellationToken.None);
        Assert.Equal((GatewayState.Failed, "1037"), (timeout.State, timeout.Code));

        await Assert.ThrowsAsync<GatewayUnavailableException>(() => api.Gateway.QueryAsync("ws_CO_unknown", CancellationToken.None));
        Assert.Empty(api.Daraja.Violations);
    }

    [Fact]
    public async Task An_unreachable_Daraja_is_unavailable_and_missing_credentials_are_not_configured()
    {
        var options = Options.Create(new MpesaOptions
        {
            BaseUrl = "http://127.0.0.1:9", ConsumerKey = "k", ConsumerSecret = "s", ShortCode = "174379", Passkey = "p",
            CallbackBaseUrl = "https://elimu.test",
        });
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/") };
        var gateway = new MpesaGateway(new DarajaClient(http, options, new DarajaTokenCache(TimeProvider.System)), options, TimeProvider.System);
        Assert.True(gateway.IsConfigured);
        await Assert.ThrowsAsync<GatewayUnavailableException>(() => gateway.StartAsync(Charge(Kes1500), CancellationToken.None));

        options.Value.Passkey = "";
        Assert.False(gateway.IsConfigured);
        await Assert.ThrowsAsync<GatewayUnavailableException>(() => gateway.QueryAsync("ws_CO_1", CancellationToken.None));
    }
}
