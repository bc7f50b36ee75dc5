using System.Collections.Concurrent;
using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Payments.Sandbox;

/// <summary>
/// <c>Payments:Sandbox</c>. The embedded gateway for demos and tests: always configured, no network.
/// It fails a payment when <see cref="FailAll"/> is set (a whole demo of failures) or when the payer's phone number is
/// <see cref="FailPhoneNumber"/> (0700 000 000 by default: one failing payment in an otherwise working demo).
/// </summary>
public sealed class SandboxOptions
{
    public const string Section = "Payments:Sandbox";

    /// <summary>How long after a payment starts the sandbox confirms it (as a provider's callback would).</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 600_000)]
    public int ConfirmAfterMs { get; set; } = 1500;

    public bool FailAll { get; set; }

    /// <summary>A payment with this phone number (any form: 0700000000, +254700000000...) fails as "declined".</summary>
    public string FailPhoneNumber { get; set; } = "0700000000";
}

/// <summary>
/// Answers "pending" at once and confirms later through <see cref="IPaymentResults"/>, on its own scope, the way a
/// provider's callback arrives: the payment screen sees the same asynchronous flow as with a real gateway.
/// </summary>
public sealed class SandboxGateway(IServiceScopeFactory scopes, IOptionsMonitor<SandboxOptions> options, IHostApplicationLifetime lifetime,
    ILogger<SandboxGateway> log) : IPaymentGateway
{
    private readonly ConcurrentDictionary<string, GatewayResult> _outcomes = new(StringComparer.Ordinal);

    public PaymentGateway Gateway => PaymentGateway.sandbox;

    public bool IsConfigured => true;

    public bool ChargesUnattended => true;

    public Money ChargeFor(Money invoiceAmount) => invoiceAmount;

    public Task<GatewayStart> StartAsync(GatewayCharge charge, CancellationToken ct)
    {
        var reference = $"sbx_{charge.PaymentId:N}";
        var settings = options.CurrentValue;
        var fail = settings.FailAll || (charge.PhoneNumber is { } phone
            && ContactFormats.KenyanPhone(settings.FailPhoneNumber)?.TrimStart('+') == phone);
        var outcome = fail
            ? new GatewayResult(PaymentGateway.sandbox, reference, GatewayState.Failed, Code: "declined", Message: "The sandbox declined this payment (as asked).")
            : new GatewayResult(PaymentGateway.sandbox, reference, GatewayState.Completed, charge.Charge, Receipt: $"SBX{charge.PaymentId.ToString("N")[..10].ToUpperInvariant()}");
        _ = Task.Run(() => ConfirmLaterAsync(outcome, settings.ConfirmAfterMs, lifetime.ApplicationStopping), CancellationToken.None);
        return Task.FromResult(new GatewayStart(GatewayState.Pending, reference, Message: "The sandbox confirms in a moment."));
    }

    public Task<GatewayResult> QueryAsync(string gatewayReference, CancellationToken ct) =>
        Task.FromResult(_outcomes.TryGetValue(gatewayReference, out var outcome)
            ? outcome
            : new GatewayResult(PaymentGateway.sandbox, gatewayReference, GatewayState.Pending));

    private async Task ConfirmLaterAsync(GatewayResult outcome, int delayMs, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delayMs, stopping);
            _outcomes[outcome.GatewayReference] = outcome;
            // The reference is saved just after StartAsync returns: a very short delay may come back before it is.
            for (var attempt = 0; attempt < 40 && !stopping.IsCancellationRequested; attempt++)
            {
                await using var scope = scopes.CreateAsyncScope();
                var applied = await scope.ServiceProvider.GetRequiredService<IPaymentResults>().ApplyAsync(outcome, stopping);
                if (applied != ResultApplied.UnknownReference) return;
                await Task.Delay(250, stopping);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // Shutting down: the payment stays pending, and POST /payments/{id}/check or reconciliation settles it.
        }
        catch (Exception e)
        {
            log.LogError(e, "The sandbox could not confirm payment {Reference}", outcome.GatewayReference);
        }
    }
}

public static class SandboxGatewayRegistration
{
    public static IServiceCollection AddSandboxGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SandboxOptions>().BindConfiguration(SandboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SandboxGateway>();
        services.AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<SandboxGateway>());
        return services;
    }
}
