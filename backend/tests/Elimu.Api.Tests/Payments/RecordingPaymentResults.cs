using System.Collections.Concurrent;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Payments;

namespace Elimu.Api.Tests.Payments;

/// <summary>Finance's side as the gateway tests see it: records every result a webhook hands over, and answers Applied.</summary>
public sealed class RecordingPaymentResults : IPaymentResults
{
    public ConcurrentQueue<GatewayResult> Applied { get; } = new();

    public Task<ResultApplied> ApplyAsync(GatewayResult result, CancellationToken ct)
    {
        Applied.Enqueue(result);
        return Task.FromResult(ResultApplied.Applied);
    }

    public Task<string?> ReferenceForCallbackSecretAsync(PaymentGateway gateway, string callbackSecret, CancellationToken ct) =>
        Task.FromResult<string?>(null);
}
