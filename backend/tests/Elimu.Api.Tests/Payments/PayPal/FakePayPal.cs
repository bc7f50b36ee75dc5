using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Elimu.Api.Tests.Payments.PayPal;

/// <summary>
/// PayPal's REST API as documented: OAuth client credentials (Basic, form) giving Bearer tokens, Orders v2 (create with
/// <c>PayPal-Request-Id</c>, amounts as decimal strings; get; capture), verify-webhook-signature, and errors as
/// <c>{name, message, details[{issue, description}], debug_id}</c> (OAuth: <c>{error, error_description}</c>).
/// </summary>
public sealed partial class FakePayPal : FakeProviderServer
{
    public const string ClientId = "AZfakeClientId";
    public const string ClientSecret = "EFfakeClientSecret";
    public const string WebhookId = "8PT597110X687430LKGECATA";
    /// <summary>The transmission signature the fake's verification accepts.</summary>
    public const string GoodSignature = "genuine-signature";

    public sealed record Call(string Method, string Path, string? RequestId, JsonNode? Body);
    public sealed record Verification(JsonObject Fields, string RawEvent);

    public ConcurrentQueue<Call> Calls { get; } = new();
    public ConcurrentQueue<Verification> Verifications { get; } = new();
    public ConcurrentDictionary<string, JsonObject> Orders { get; } = new();
    /// <summary>What capturing an order does: "COMPLETED", "DECLINED", "PENDING", or a 422 issue such as "INSTRUMENT_DECLINED".</summary>
    public ConcurrentDictionary<string, string> CaptureOutcomes { get; } = new();
    /// <summary>The amount the capture reports, when it should differ from the order's.</summary>
    public ConcurrentDictionary<string, string> CapturedValues { get; } = new();
    public int TokensIssued => _tokens.Count;
    public int ExpiresIn { get; set; } = 32400;
    public bool FailNextOrderCall { get; set; }

    private readonly ConcurrentDictionary<string, bool> _tokens = new();
    private readonly ConcurrentDictionary<string, (int Status, string Body)> _replays = new();

    public static async Task<FakePayPal> StartNewAsync()
    {
        var fake = new FakePayPal();
        await fake.StartAsync();
        return fake;
    }

    public void Reset()
    {
        Calls.Clear(); Verifications.Clear(); Orders.Clear(); CaptureOutcomes.Clear(); CapturedValues.Clear();
        _replays.Clear(); Violations.Clear(); ExpiresIn = 32400; FailNextOrderCall = false;
    }

    /// <summary>PayPal forgets every token it issued (expired or revoked server-side).</summary>
    public void RevokeTokens()
    {
        foreach (var token in _tokens.Keys) _tokens[token] = false;
    }

    protected override void Map(WebApplication app)
    {
        app.MapPost("/v1/oauth2/token", Token);
        app.MapPost("/v2/checkout/orders", CreateOrder);
        app.MapGet("/v2/checkout/orders/{id}", GetOrder);
        app.MapPost("/v2/checkout/orders/{id}/capture", Capture);
        app.MapPost("/v1/notifications/verify-webhook-signature", Verify);
    }

    private async Task<IResult> Token(HttpRequest request)
    {
        var form = QueryHelpers.ParseQuery(await BodyAsync(request));
        Calls.Enqueue(new("POST", request.Path, null, null));
        Expect(request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true, $"token: content type {request.ContentType}");
        Expect(form.TryGetValue("grant_type", out var grant) && grant == "client_credentials", $"token: grant_type {grant}");
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));
        if (Header(request, "Authorization") != basic)
            return Json(401, new JsonObject { ["error"] = "invalid_client", ["error_description"] = "Client Authentication failed" });
        var token = $"A21AA{Guid.NewGuid():N}";
        _tokens[token] = true;
        return Json(200, new JsonObject
        {
            ["scope"] = "https://uri.paypal.com/services/payments/payment", ["access_token"] = token, ["token_type"] = "Bearer",
            ["app_id"] = "APP-80W284485P519543T", ["expires_in"] = ExpiresIn, ["nonce"] = "2026-03-02T09:00:00Zfake",
        });
    }

    private async Task<IResult> CreateOrder(HttpRequest request)
    {
        var raw = await BodyAsync(request);
        var body = JsonNode.Parse(raw)!.AsObject();
        var requestId = Header(request, "PayPal-Request-Id");
        Calls.Enqueue(new("POST", request.Path, requestId, body));
        if (Unauthorized(request) is { } refused) return refused;
        ExpectJson(request, "create");
        Expect(requestId.Length > 0, "create: no PayPal-Request-Id");
        Expect(body["intent"]?.GetValue<string>() == "CAPTURE", "create: intent is not CAPTURE");
        var unit = body["purchase_units"]?.AsArray().SingleOrDefault()?.AsObject();
        Expect(unit?["reference_id"] is not null && unit["custom_id"] is not null, "create: reference_id or custom_id missing");
        var amount = unit?["amount"];
        Expect(amount?["value"]?.GetValueKind() == JsonValueKind.String && DecimalString().IsMatch(amount["value"]!.GetValue<string>()),
            $"create: amount value {amount?["value"]?.ToJsonString()} is not a decimal string");
        Expect(amount?["currency_code"]?.GetValue<string>() == "USD", "create: currency_code is not USD");
        if (FailNextOrderCall) { FailNextOrderCall = false; return Json(500, Problem("INTERNAL_SERVER_ERROR", "INTERNAL_SERVICE_ERROR", "An internal server error has occurred.")); }
        if (_replays.TryGetValue($"create:{requestId}", out var replay)) return Results.Content(replay.Body, "application/json", statusCode: replay.Status);

        var id = $"5O{Random.Shared.NextInt64(100000000000000, 999999999999999)}";
        var order = new JsonObject
        {
            ["id"] = id, ["intent"] = "CAPTURE", ["status"] = "CREATED", ["purchase_units"] = new JsonArray(unit!.DeepClone()),
            ["create_time"] = "2026-03-02T09:00:00Z",
            ["links"] = new JsonArray(
                Link($"{BaseUrl}/v2/checkout/orders/{id}", "self", "GET"),
                Link($"https://www.sandbox.paypal.com/checkoutnow?token={id}", "approve", "GET"),
                Link($"{BaseUrl}/v2/checkout/orders/{id}/capture", "capture", "POST")),
        };
        Orders[id] = order;
        _replays[$"create:{requestId}"] = (201, order.ToJsonString());
        return Json(201, order);
    }

    private IResult GetOrder(HttpRequest request, string id)
    {
        Calls.Enqueue(new("GET", request.Path, null, null));
        if (Unauthorized(request) is { } refused) return refused;
        return Orders.TryGetValue(id, out var order) ? Json(200, order)
            : Json(404, Problem("RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not exist. Please check the resource ID and try again."));
    }

    private async Task<IResult> Capture(HttpRequest request, string id)
    {
        var raw = await BodyAsync(request);
        var requestId = Header(request, "PayPal-Request-Id");
        Calls.Enqueue(new("POST", request.Path, requestId, raw.Length == 0 ? null : JsonNode.Parse(raw)));
        if (Unauthorized(request) is { } refused) return refused;
        ExpectJson(request, "capture");
        Expect(requestId.Length > 0, "capture: no PayPal-Request-Id");
        if (_replays.TryGetValue($"capture:{requestId}", out var replay)) return Results.Content(replay.Body, "application/json", statusCode: replay.Status);
        if (!Orders.TryGetValue(id, out var order))
            return Json(404, Problem("RESOURCE_NOT_FOUND", "INVALID_RESOURCE_ID", "Specified resource ID does not exist."));
        var status = order["status"]!.GetValue<string>();
        if (status == "COMPLETED") return Json(422, Problem("UNPROCESSABLE_ENTITY", "ORDER_ALREADY_CAPTURED", "Order already captured."));
        if (status != "APPROVED") return Json(422, Problem("UNPROCESSABLE_ENTITY", "ORDER_NOT_APPROVED", "Payer has not yet approved the Order for payment."));

        var outcome = CaptureOutcomes.GetValueOrDefault(id, "COMPLETED");
        if (outcome is not ("COMPLETED" or "DECLINED" or "PENDING"))
            return Remember(requestId, 422, Problem("UNPROCESSABLE_ENTITY", outcome, $"The capture could not be made ({outcome})."));
        var unit = order["purchase_units"]![0]!.AsObject();
        var amount = unit["amount"]!.DeepClone().AsObject();
        if (CapturedValues.TryGetValue(id, out var value)) amount["value"] = value;
        var capture = new JsonObject { ["id"] = $"3C{Random.Shared.NextInt64(100000000000000, 999999999999999)}", ["status"] = outcome, ["amount"] = amount, ["final_capture"] = true };
        if (outcome == "PENDING") capture["status_details"] = new JsonObject { ["reason"] = "PENDING_REVIEW" };
        if (outcome == "DECLINED") capture["status_details"] = new JsonObject { ["reason"] = "DECLINED_BY_RISK_FRAUD_FILTERS" };
        unit["payments"] = new JsonObject { ["captures"] = new JsonArray(capture) };
        order["status"] = outcome == "DECLINED" ? "APPROVED" : "COMPLETED";
        return Remember(requestId, 201, order);
    }

    private async Task<IResult> Verify(HttpRequest request)
    {
        var raw = await BodyAsync(request);
        Calls.Enqueue(new("POST", request.Path, null, null));
        if (Unauthorized(request) is { } refused) return refused;
        ExpectJson(request, "verify");
        using var doc = JsonDocument.Parse(raw);
        var fields = JsonNode.Parse(raw)!.AsObject();
        var rawEvent = doc.RootElement.GetProperty("webhook_event").GetRawText();
        Verifications.Enqueue(new(fields, rawEvent));
        foreach (var name in new[] { "auth_algo", "cert_url", "transmission_id", "transmission_sig", "transmission_time", "webhook_id" })
            Expect(fields[name]?.GetValueKind() == JsonValueKind.String, $"verify: {name} missing");
        var genuine = fields["transmission_sig"]?.GetValue<string>() == GoodSignature && fields["webhook_id"]?.GetValue<string>() == WebhookId;
        return Json(200, new JsonObject { ["verification_status"] = genuine ? "SUCCESS" : "FAILURE" });
    }

    private IResult Remember(string requestId, int status, JsonObject body)
    {
        _replays[$"capture:{requestId}"] = (status, body.ToJsonString());
        return Json(status, body);
    }

    private IResult? Unauthorized(HttpRequest request)
    {
        var auth = Header(request, "Authorization");
        return auth.StartsWith("Bearer ", StringComparison.Ordinal) && _tokens.TryGetValue(auth["Bearer ".Length..], out var valid) && valid ? null
            : Json(401, new JsonObject { ["error"] = "invalid_token", ["error_description"] = "Access Token not found in cache" });
    }

    private void ExpectJson(HttpRequest request, string what) =>
        Expect(request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true, $"{what}: content type {request.ContentType}");

    private static JsonObject Problem(string name, string issue, string description) => new()
    {
        ["name"] = name, ["message"] = "The requested action could not be performed, semantically incorrect, or failed business validation.",
        ["details"] = new JsonArray(new JsonObject { ["issue"] = issue, ["description"] = description }),
        ["debug_id"] = "90957fca61718", ["links"] = new JsonArray(),
    };

    private static JsonObject Link(string href, string rel, string method) => new() { ["href"] = href, ["rel"] = rel, ["method"] = method };

    private static IResult Json(int status, JsonObject body) => Results.Content(body.ToJsonString(), "application/json", statusCode: status);

    [GeneratedRegex(@"^\d+\.\d{2}$")]
    private static partial Regex DecimalString();
}
