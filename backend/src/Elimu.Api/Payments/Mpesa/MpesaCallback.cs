using System.Text.Json.Serialization;
using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;
using Microsoft.AspNetCore.Mvc;

namespace Elimu.Api.Payments.Mpesa;

/// <summary>
/// <c>POST /api/v1/payments/mpesa/callback/{secret}</c>: Safaricom's word on an STK Push. Nothing in the body is
/// trusted on its own: the secret in the URL must belong to the pending payment the callback names, and an STK query
/// then decides completed or failed (the amount and receipt come from the callback, which the query does not repeat;
/// finance refuses an amount that is not what was charged). Every outcome, even an unknown secret or a body that is
/// not JSON, answers 200 with the acknowledgement Safaricom expects, changes nothing unless verified, and is logged.
/// </summary>
internal static class MpesaCallback
{
    public const string Path = "/api/v1/payments/mpesa/callback";
    /// <summary>A real callback is well under 2 KB.</summary>
    public const int MaxBodyBytes = 16 * 1024;
    private const int MaxSecretLength = 200;

    public static string UrlFor(string callbackBaseUrl, string secret) =>
        $"{callbackBaseUrl.TrimEnd('/')}{Path}/{Uri.EscapeDataString(secret)}";

    public static async Task<IResult> Handle(
        string secret, HttpRequest request, [FromServices] IPaymentResults results, [FromServices] MpesaGateway mpesa,
        [FromServices] ILogger<MpesaGateway> log, CancellationToken ct)
    {
        if (await ReadBoundedAsync(request, ct) is not { } body)
        {
            log.LogWarning("M-Pesa callback ignored: the body is over {Limit} bytes.", MaxBodyBytes);
            return Acknowledged();
        }
        if (StkCallback.Parse(body, out var problem) is not { } callback)
        {
            log.LogWarning("M-Pesa callback ignored: {Problem}.", problem);
            return Acknowledged();
        }

        var reference = secret.Length <= MaxSecretLength ? await results.ReferenceForCallbackSecretAsync(PaymentGateway.mpesa, secret, ct) : null;
        if (reference != callback.CheckoutRequestId)
        {
            log.LogWarning("M-Pesa callback for {CheckoutRequestId} ignored: its URL secret belongs to no pending payment with that checkout "
                + "request ({Matched}).", callback.CheckoutRequestId, reference is null ? "no payment" : "another payment");
            return Acknowledged();
        }

        GatewayResult queried;
        try { queried = await mpesa.QueryAsync(callback.CheckoutRequestId, ct); }
        catch (GatewayUnavailableException e)
        {
            log.LogWarning("M-Pesa callback for {CheckoutRequestId} not applied: the STK query failed ({Reason}); reconciliation will ask again.",
                callback.CheckoutRequestId, e.Message);
            return Acknowledged();
        }
        if (queried.State == GatewayState.Pending)
        {
            log.LogInformation("M-Pesa callback for {CheckoutRequestId} not applied: the STK query says it is still pending.", callback.CheckoutRequestId);
            return Acknowledged();
        }
        if ((queried.State == GatewayState.Completed) != (callback.ResultCode == 0))
            log.LogWarning("M-Pesa callback for {CheckoutRequestId} says {CallbackCode}, the STK query says {QueryCode}: the query is applied.",
                callback.CheckoutRequestId, callback.ResultCode, queried.Code);

        var result = queried.State == GatewayState.Completed
            ? queried with { Amount = callback.Amount is { } paid ? new Money(paid, Money.DefaultCurrency) : null, Receipt = callback.Receipt }
            : queried;
        var applied = await results.ApplyAsync(result, ct);
        if (applied is ResultApplied.Mismatch or ResultApplied.UnknownReference)
            log.LogWarning("M-Pesa callback for {CheckoutRequestId} changed nothing: {Outcome} (amount {Amount}, receipt {Receipt}).",
                callback.CheckoutRequestId, applied, result.Amount, result.Receipt);
        else
            log.LogInformation("M-Pesa callback for {CheckoutRequestId}: {State}, {Outcome}.", callback.CheckoutRequestId, result.State, applied);
        return Acknowledged();
    }

    /// <summary>The body, or null when it is longer than <see cref="MaxBodyBytes"/> (read no further than that).</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadBoundedAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes) return null;
        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), ct)) > 0) length += read;
        return length > MaxBodyBytes ? null : buffer.AsMemory(0, length);
    }

    private static IResult Acknowledged() => Results.Json(new Acknowledgement(0, "Accepted"));

    /// <summary>Daraja's acknowledgement, in its own casing whatever the API's JSON naming.</summary>
    internal sealed record Acknowledgement(
        [property: JsonPropertyName("ResultCode")] int ResultCode, [property: JsonPropertyName("ResultDesc")] string ResultDesc);
}
