using Elimu.Api.Partners.Finance;
using Elimu.Api.Payments;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Elimu.Api.Tests.Payments;

/// <summary>The API pointed at a fake provider, on a clock the test moves, with a recording <see cref="IPaymentResults"/>.</summary>
public abstract class GatewayApiFactory : ElimuApiFactory
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; } = new(Start);
    public RecordingPaymentResults Results { get; } = new();
    protected override TimeProvider? Clock => Time;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPaymentResults>(Results));
    }

    public IPaymentGateway Gateway(PaymentGateway which) => Services.GetServices<IPaymentGateway>().Single(g => g.Gateway == which);
}
