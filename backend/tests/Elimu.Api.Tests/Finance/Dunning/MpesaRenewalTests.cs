using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Finance.Dunning;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Payments.Mpesa;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Finance.Dunning.DunningTestKit;
using static Elimu.Api.Tests.Finance.FinanceTestKit;

namespace Elimu.Api.Tests.Finance.Dunning;

/// <summary>The dunning API with M-Pesa pointed at a <see cref="FakeDarajaServer"/> and Finance's own payment results.</summary>
public sealed class MpesaDunningFactory : DunningFactory, IAsyncDisposable
{
    public FakeDarajaServer Daraja { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Payments:Mpesa:BaseUrl"] = Daraja.BaseUrl,
        ["Payments:Mpesa:ConsumerKey"] = FakeDarajaServer.ConsumerKey,
        ["Payments:Mpesa:ConsumerSecret"] = FakeDarajaServer.ConsumerSecret,
        ["Payments:Mpesa:ShortCode"] = FakeDarajaServer.ShortCode,
        ["Payments:Mpesa:Passkey"] = FakeDarajaServer.Passkey,
        ["Payments:Mpesa:CallbackBaseUrl"] = FakeDarajaServer.CallbackBaseUrl + "/",
    };

    public override async Task InitializeAsync()
    {
        await Daraja.StartAsync(); // before the host reads its settings
        await base.InitializeAsync();
    }

    /// <summary>The host and its database, then the fake server (what <c>await using</c> calls).</summary>
    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        await Daraja.DisposeAsync();
    }
}

/// <summary>
/// An M-Pesa number saved as the renewal method: at the next billing date the renewal sends the STK push to it (checked
/// by the fake Daraja as Safaricom documents it) and the usual callback completes the payment and pays the invoice.
/// </summary>
public sealed class MpesaRenewalTests
{
    private const string Methods = Prefix + "/payment-methods";
    private static readonly DateOnly Renewal = new(2026, 4, 11);

    [Fact]
    public async Task A_saved_number_gets_the_renewals_STK_push_and_the_callback_pays_the_invoice()
    {
        await using var api = new MpesaDunningFactory();
        await api.InitializeAsync();
        api.At(Start);
        var partner = await api.SubscribedPartnerAsync(autoPay: false);
        using (var client = await partner.Client())
        {
            var bad = await client.Http.PostAsJsonAsync(Methods, new { gateway = "mpesa", phoneNumber = "12345" });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
            Assert.True((await bad.JsonAsync()).GetProperty("errors").TryGetProperty("phoneNumber", out _));
            var card = await client.Http.PostAsJsonAsync(Methods, new { gateway = "stripe", phoneNumber = "0712345678" });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, card.StatusCode);
            Assert.True((await card.JsonAsync()).GetProperty("errors").TryGetProperty("gateway", out _));

            var saved = await client.Http.PostAsJsonAsync(Methods, new { gateway = "mpesa", phoneNumber = "0712 345 678" });
            Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
            var method = await saved.JsonAsync();
            Assert.Equal(("07•• ••• 678", true), (method.Str("maskedDetail"), method.GetProperty("isDefault").GetBoolean()));
            Assert.DoesNotContain("712345678", method.ToString()); // the whole number is never sent back
            var list = await client.GetJsonAsync<JsonElement>(Methods);
            Assert.Equal(1, list.GetProperty("total").GetInt32());
        }

        api.At(Renewal);
        await api.RenewAsync();
        var invoice = Assert.Single(await api.InvoicesAsync(partner.SubscriptionId));
        Assert.Equal(3_480m, invoice.Total); // 3 × 1,000 + 16% VAT
        var push = Assert.Single(api.Daraja.Pushes);
        Assert.Empty(api.Daraja.Violations);
        Assert.Equal(("254712345678", "254712345678", 3480L), (push.GetProperty("PhoneNumber").GetString(), push.GetProperty("PartyA").GetString(),
            push.GetProperty("Amount").GetInt64()));
        var payment = Assert.Single(await api.PaymentsAsync(partner.SubscriptionId));
        Assert.Equal((PaymentStatus.pending, PaymentGateway.mpesa), (payment.Status, payment.PaymentGateway));
        Assert.StartsWith(SubscriptionDunning.KeyPrefix, payment.IdempotencyKey);
        var notice = await api.WithDbAsync(db => db.Notifications.Where(n => n.UserId == partner.PartnerId).OrderBy(n => n.CreatedAt).Select(n => n.Body).FirstAsync());
        Assert.Contains("An M-Pesa request for KES 3,480.00 was sent to 07•• ••• 678", notice);

        // The payer approves on the phone; Safaricom posts the result to the payment's own callback address.
        var checkout = payment.TransactionReference!;
        api.Daraja.Outcomes[checkout] = ("0", "The service request is processed successfully.");
        var secret = push.GetProperty("CallBackURL").GetString()!.Split('/')[^1];
        var callback = """
            {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"CHECKOUT","ResultCode":0,
             "ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[
               {"Name":"Amount","Value":3480},{"Name":"MpesaReceiptNumber","Value":"RNW0FXE6RK"},{"Name":"Balance"},
               {"Name":"TransactionDate","Value":20260411100105},{"Name":"PhoneNumber","Value":254712345678}]}}}}
            """.Replace("CHECKOUT", checkout);
        using (var safaricom = api.CreateClient())
        using (var answer = await safaricom.PostAsync($"/api/v1/payments/mpesa/callback/{secret}", new StringContent(callback, Encoding.UTF8, "application/json")))
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        var paid = Assert.Single(await api.PaymentsAsync(partner.SubscriptionId));
        Assert.Equal((PaymentStatus.completed, "RNW0FXE6RK"), (paid.Status, paid.GatewayResponse.Receipt));
        Assert.Equal(InvoiceStatus.paid, Assert.Single(await api.InvoicesAsync(partner.SubscriptionId)).Status);
        Assert.Equal(SubscriptionStatus.ACTIVE, (await api.SubscriptionAsync(partner.SubscriptionId)).Status);
    }

    [Fact]
    public async Task Without_a_number_nothing_is_pushed_and_another_partner_cannot_remove_the_method()
    {
        await using var api = new MpesaDunningFactory();
        await api.InitializeAsync();
        api.At(Start);
        var partner = await api.SubscribedPartnerAsync(autoPay: false);
        // An M-Pesa method saved before numbers were kept (masked only): the renewal waits for the partner.
        var legacy = await api.WithDbAsync(async db =>
        {
            var m = new PaymentMethod { PartnerId = partner.PartnerId, Gateway = PaymentGateway.mpesa, Label = "M-Pesa", MaskedDetail = "+254 722 *** 410", IsDefault = true };
            db.PaymentMethods.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        api.At(Renewal);
        await api.RenewAsync();
        Assert.Single(await api.InvoicesAsync(partner.SubscriptionId));
        Assert.Empty(api.Daraja.Pushes);
        Assert.Empty(await api.PaymentsAsync(partner.SubscriptionId));

        var (_, stranger) = await api.PartnerAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.DeleteAsync($"{Methods}/{legacy}")).StatusCode);
        Assert.Equal(0, (await stranger.GetJsonAsync<JsonElement>(Methods)).GetProperty("total").GetInt32());
        using var owner = await partner.Client();
        Assert.Equal(HttpStatusCode.NoContent, (await owner.Http.DeleteAsync($"{Methods}/{legacy}")).StatusCode);
        Assert.Equal(1, await api.WithDbAsync(db => db.AuditLog.CountAsync(a => a.Action == "payment_method.removed" && a.PartnerId == partner.PartnerId)));
    }
}
