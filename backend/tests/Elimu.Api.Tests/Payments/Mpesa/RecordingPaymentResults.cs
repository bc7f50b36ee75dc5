using System.Collections.Concurrent;
using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Payments;

namespace Elimu.Api.Tests.Payments.Mpesa;

/// <summary>
/// Finance's side as the gateway sees it, recorded: payments registered by the test (callback secret → checkout
/// request and the amount charged), applied at most once, refusing an amount that is not what was charged.
/// </summary>
public sealed class RecordingPaymentResults : IPaymentResults
{
    private sealed record Payment(string Reference, Money Charged)
    {
        public bool Settled { get; set; }
    }

    private readonly ConcurrentDictionary<string, Payment> _bySecret = new();
    public ConcurrentQueue<(GatewayResult Result, ResultApplied Outcome)> Applied { get; } = new();
    public ConcurrentQueue<string> SecretsAsked { get; } = new();

    public void Expect(string secret, string checkoutRequestId, Money charged) => _bySecret[secret] = new(checkoutRequestId, charged);

    public IReadOnlyList<(GatewayResult Result, ResultApplied Outcome)> AppliedTo(string reference) =>
        [.. Applied.Where(a => a.Result.GatewayReference == reference)];

    public Task<string?> ReferenceForCallbackSecretAsync(PaymentGateway gateway, string callbackSecret, CancellationToken ct)
    {
        SecretsAsked.Enqueue(callbackSecret);
        // Only a payment still pending answers to its secret, as finance does.
        return Task.FromResult(gateway == PaymentGateway.mpesa && _bySecret.TryGetValue(callbackSecret, out var p) && !p.Settled ? p.Reference : null);
    }

    public Task<ResultApplied> ApplyAsync(GatewayResult result, CancellationToken ct)
    {
        var payment = _bySecret.Values.FirstOrDefault(p => p.Reference == result.GatewayReference);
        ResultApplied outcome;
        lock (_bySecret)
        {
            outcome = payment switch
            {
                null => ResultApplied.UnknownReference,
                { Settled: true } => ResultApplied.AlreadyApplied,
                _ when result.State == GatewayState.Completed && result.Amount != payment.Charged => ResultApplied.Mismatch,
                _ => ResultApplied.Applied,
            };
            if (outcome == ResultApplied.Applied) payment!.Settled = true;
        }
        Applied.Enqueue((result, outcome));
        return Task.FromResult(outcome);
    }
}
