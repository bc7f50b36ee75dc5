using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Elimu.Api.Tests.Payments.Stripe;

/// <summary>
/// Stripe's PaymentIntents API as documented: form-encoded bodies, <c>Authorization: Bearer sk_…</c>, <c>Stripe-Version</c>,
/// <c>Idempotency-Key</c> (a repeated key replays the first answer), amounts in minor units, and errors as
/// <c>{"error":{"type","code","message","param"}}</c>.
/// </summary>
public sealed class FakeStripe : FakeProviderServer
{
    public const string SecretKey = "sk_test_51ElimuFake";

    public sealed record Call(string Method, string Path, string? IdempotencyKey, Dictionary<string, string> Form);

    public ConcurrentQueue<Call> Calls { get; } = new();
    public ConcurrentDictionary<string, JsonObject> Intents { get; } = new();
    private readonly ConcurrentDictionary<string, (int Status, string Body)> _replays = new();
    /// <summary>Answers for the next creates, in order, instead of creating (status, error type, code, message, should-retry).</summary>
    public ConcurrentQueue<(int Status, string Type, string Code, string Message, bool? ShouldRetry)> NextCreateErrors { get; } = new();

    public static async Task<FakeStripe> StartNewAsync()
    {
        var fake = new FakeStripe();
        await fake.StartAsync();
        return fake;
    }

    public void Reset()
    {
        Calls.Clear();
        Intents.Clear();
        _replays.Clear();
        NextCreateErrors.Clear();
        Violations.Clear();
    }

    protected override void Map(WebApplication app)
    {
        app.MapPost("/v1/payment_intents", Create);
        app.MapGet("/v1/payment_intents/{id}", Retrieve);
    }

    private async Task<IResult> Create(HttpRequest request)
    {
        var body = await BodyAsync(request);
        var form = QueryHelpers.ParseQuery(body).ToDictionary(k => k.Key, k => k.Value.ToString());
        var key = Header(request, "Idempotency-Key");
        Calls.Enqueue(new("POST", request.Path, key, form));
        if (Unauthorized(request) is { } refused) return refused;
        Expect(request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true, $"create: content type {request.ContentType}");
        Expect(key.Length > 0, "create: no Idempotency-Key");
        Expect(form.TryGetValue("amount", out var amount) && long.TryParse(amount, out _), $"create: amount '{amount}' is not whole minor units");
        Expect(form.TryGetValue("currency", out var currency) && currency.Length == 3 && currency == currency.ToLowerInvariant(), $"create: currency '{currency}'");
        Expect(form.ContainsKey("metadata[invoice_number]") && form.ContainsKey("metadata[payment_id]"), "create: metadata missing");

        if (_replays.TryGetValue(key, out var replay)) return Json(replay.Status, replay.Body);
        if (NextCreateErrors.TryDequeue(out var error))
        {
            // A conflict (another request with this key still running) is not saved for the key; other answers are.
            if (error.ShouldRetry is { } retry) request.HttpContext.Response.Headers["Stripe-Should-Retry"] = retry ? "true" : "false";
            var errorBody = Error(error.Type, error.Code, error.Message);
            if (error.Status != 409) _replays[key] = (error.Status, errorBody);
            return Json(error.Status, errorBody);
        }

        var id = $"pi_{Guid.NewGuid():N}"[..27];
        var intent = new JsonObject
        {
            ["id"] = id, ["object"] = "payment_intent", ["amount"] = long.Parse(form["amount"]), ["amount_received"] = 0,
            ["currency"] = form["currency"], ["status"] = "requires_payment_method", ["client_secret"] = $"{id}_secret_fake",
            ["description"] = form.GetValueOrDefault("description"), ["livemode"] = false, ["latest_charge"] = null,
            ["last_payment_error"] = null, ["cancellation_reason"] = null, ["created"] = 1772442000,
            ["metadata"] = new JsonObject
            {
                ["invoice_number"] = form.GetValueOrDefault("metadata[invoice_number]"),
                ["payment_id"] = form.GetValueOrDefault("metadata[payment_id]"),
            },
        };
        Intents[id] = intent;
        _replays[key] = (200, intent.ToJsonString());
        return Json(200, intent.ToJsonString());
    }

    private IResult Retrieve(HttpRequest request, string id)
    {
        Calls.Enqueue(new("GET", request.Path, null, []));
        if (Unauthorized(request) is { } refused) return refused;
        return Intents.TryGetValue(id, out var intent)
            ? Json(200, intent.ToJsonString())
            : Json(404, Error("invalid_request_error", "resource_missing", $"No such payment_intent: '{id}'", "intent"));
    }

    private IResult? Unauthorized(HttpRequest request)
    {
        Expect(Header(request, "Stripe-Version").Length > 0, $"{request.Path}: no Stripe-Version");
        return Header(request, "Authorization") == $"Bearer {SecretKey}" ? null
            : Json(401, Error("invalid_request_error", "", "Invalid API Key provided: sk_test_****"));
    }

    private static string Error(string type, string code, string message, string? param = null) => new JsonObject
    {
        ["error"] = new JsonObject { ["type"] = type, ["code"] = code, ["message"] = message, ["param"] = param, ["doc_url"] = $"https://stripe.com/docs/error-codes/{code}" },
    }.ToJsonString();

    private static IResult Json(int status, string body) => Results.Content(body, "application/json", statusCode: status);
}
