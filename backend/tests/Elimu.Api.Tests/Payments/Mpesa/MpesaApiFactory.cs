using Elimu.Api.Payments;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Elimu.Api.Tests.Payments.Mpesa;

/// <summary>The API with M-Pesa configured against a <see cref="FakeDarajaServer"/>, finance's side recorded
/// (<see cref="RecordingPaymentResults"/>), on a clock the tests set.</summary>
public sealed class MpesaApiFactory : ElimuApiFactory, IAsyncLifetime
{
    public FakeDarajaServer Daraja { get; } = new();
    public RecordingPaymentResults Results { get; } = new();
    /// <summary>Sunday 1 March 2026, 21:30:05 UTC: already Monday 00:30:05 in Nairobi.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 21, 30, 5, TimeSpan.Zero));

    protected override TimeProvider? Clock => Time;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Payments:Mpesa:BaseUrl"] = Daraja.BaseUrl,
        ["Payments:Mpesa:ConsumerKey"] = FakeDarajaServer.ConsumerKey,
        ["Payments:Mpesa:ConsumerSecret"] = FakeDarajaServer.ConsumerSecret,
        ["Payments:Mpesa:ShortCode"] = FakeDarajaServer.ShortCode,
        ["Payments:Mpesa:Passkey"] = FakeDarajaServer.Passkey,
        ["Payments:Mpesa:CallbackBaseUrl"] = FakeDarajaServer.CallbackBaseUrl + "/",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPaymentResults>(Results));
    }

    public override async Task InitializeAsync()
    {
        await Daraja.StartAsync(); // before the host reads its settings
        await base.InitializeAsync();
    }

    public IPaymentGateway Gateway => Services.GetServices<IPaymentGateway>().Single(g => g.Gateway == Elimu.Api.Partners.Finance.PaymentGateway.mpesa);

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Daraja.DisposeAsync();
    }
}
