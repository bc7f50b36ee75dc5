using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Elimu.Api.Tests.Payments.Mpesa;

/// <summary>
/// Safaricom's Daraja on 127.0.0.1 (a port of its own): the OAuth token, STK Push and STK query, each request checked as
/// Daraja documents it (reference/integrations.md) and answered as Daraja does, its error envelope included. Every
/// request that breaks a rule is answered with Daraja's 400 envelope and listed in <see cref="Violations"/>.
/// </summary>
public sealed partial class FakeDarajaServer : IAsyncDisposable
{
    public const string ConsumerKey = "test-consumer-key";
    public const string ConsumerSecret = "test-consumer-secret";
    public const string ShortCode = "174379";
    public const string Passkey = "bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919";
    public const string CallbackBaseUrl = "https://elimu.test";
    public const string StillProcessing = "The transaction is being processed";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, bool> _tokens = new();
    private int _tokenCount;
    private int _checkoutCount;

    public string BaseUrl { get; private set; } = "";
    public int TokensIssued => _tokenCount;
    public ConcurrentQueue<string> Violations { get; } = new();
    public ConcurrentQueue<JsonElement> Pushes { get; } = new();
    public ConcurrentQueue<JsonElement> Queries { get; } = new();
    /// <summary>Each STK push answered with 200 so far, by CheckoutRequestID.</summary>
    public ConcurrentDictionary<string, JsonElement> Accepted { get; } = new();
    /// <summary>What a query about a checkout answers: a ResultCode and ResultDesc, or null while still processing.</summary>
    public ConcurrentDictionary<string, (string Code, string Description)?> Outcomes { get; } = new();
    /// <summary>How many of the next authenticated calls are refused with 401.003.01 (expired token), whatever the token.</summary>
    public int ExpireTokens;
    /// <summary>The next STK push is refused with this error envelope (status, errorCode, errorMessage).</summary>
    public (int Status, string Code, string Message)? NextPushError;

    public FakeDarajaServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/oauth/v1/generate", IssueToken);
        _app.MapPost("/mpesa/stkpush/v1/processrequest", Push);
        _app.MapPost("/mpesa/stkpushquery/v1/query", Query);
    }

    public async Task StartAsync()
    {
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    private IResult IssueToken(HttpRequest request)
    {
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ConsumerKey}:{ConsumerSecret}"));
        if (request.Query["grant_type"] != "client_credentials") return Refuse("400.008.02", "Invalid grant type passed", "grant_type");
        if (request.Headers.Authorization != basic) return Refuse("400.008.01", "Invalid Authentication passed", "Basic authorization");
        var token = $"token-{Interlocked.Increment(ref _tokenCount)}";
        _tokens[token] = true;
        // expires_in is a string, as in Daraja's answers.
        return Results.Json(new Dictionary<string, string> { ["access_token"] = token, ["expires_in"] = "3599" });
    }

    private async Task<IResult> Push(HttpRequest request)
    {
        if (Authenticate(request) is { } refused) return refused;
        var body = await ReadJsonAsync(request);
        Pushes.Enqueue(body);
        if (NextPushError is { } error)
        {
            NextPushError = null;
            return Envelope(error.Status, error.Code, error.Message);
        }
        var problems = CheckPassword(body).ToList();
        if (Text(body, "TransactionType") is not ("CustomerPayBillOnline" or "CustomerBuyGoodsOnline")) problems.Add("TransactionType");
        if (body.TryGetProperty("Amount", out var amount) is false || amount.ValueKind != JsonValueKind.Number
            || !amount.TryGetInt64(out var whole) || whole < 1 || amount.GetRawText().Contains('.')) problems.Add("Amount must be a whole number");
        if (Text(body, "PhoneNumber") is not { } phone || !Msisdn().IsMatch(phone)) problems.Add("PhoneNumber must be 2547XXXXXXXX");
        if (Text(body, "PartyA") != Text(body, "PhoneNumber")) problems.Add("PartyA");
        if (Text(body, "PartyB") != ShortCode) problems.Add("PartyB");
        if (Text(body, "CallBackURL") is not { } url || !CallbackUrl().IsMatch(url)) problems.Add("CallBackURL");
        if (Text(body, "AccountReference") is not { Length: >= 1 and <= 12 }) problems.Add("AccountReference (1-12 characters)");
        if (Text(body, "TransactionDesc") is not { Length: >= 1 and <= 13 }) problems.Add("TransactionDesc (1-13 characters)");
        if (problems.Count > 0) return Refuse("400.002.02", "Bad Request - Invalid " + problems[0], string.Join(", ", problems));

        var checkout = $"ws_CO_{DateTime.UtcNow:ddMMyyyyHHmmss}{Interlocked.Increment(ref _checkoutCount):D6}";
        Accepted[checkout] = body;
        Outcomes.TryAdd(checkout, null);
        return Results.Json(new Dictionary<string, string>
        {
            ["MerchantRequestID"] = $"29115-34620561-{_checkoutCount}", ["CheckoutRequestID"] = checkout, ["ResponseCode"] = "0",
            ["ResponseDescription"] = "Success. Request accepted for processing", ["CustomerMessage"] = "Success. Request accepted for processing",
        });
    }

    private async Task<IResult> Query(HttpRequest request)
    {
        if (Authenticate(request) is { } refused) return refused;
        var body = await ReadJsonAsync(request);
        Queries.Enqueue(body);
        var problems = CheckPassword(body).ToList();
        if (problems.Count > 0) return Refuse("400.002.02", "Bad Request - Invalid " + problems[0], string.Join(", ", problems));
        if (Text(body, "CheckoutRequestID") is not { } checkout || !Outcomes.TryGetValue(checkout, out var outcome))
            return Envelope(400, "400.002.02", "Bad Request - Invalid CheckoutRequestID"); // a possible answer, not a violation
        if (outcome is not { } result) return Envelope(500, "500.001.1001", StillProcessing);
        return Results.Json(new Dictionary<string, string>
        {
            ["ResponseCode"] = "0", ["ResponseDescription"] = "The service request has been accepted successsfully",
            ["MerchantRequestID"] = "29115-34620561-1", ["CheckoutRequestID"] = checkout,
            ["ResultCode"] = result.Code, ["ResultDesc"] = result.Description, // a string here, unlike the callback
        });
    }

    private IResult? Authenticate(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.ContainsKey(header[7..]))
            return Refuse("404.001.03", "Invalid Access Token", "Bearer token");
        if (Interlocked.Decrement(ref ExpireTokens) >= 0) return Envelope(401, "401.003.01", "Error Occurred - Invalid Access Token - " + header[7..]);
        Interlocked.Exchange(ref ExpireTokens, 0);
        return null;
    }

    /// <summary>Password = base64(shortcode + passkey + timestamp) with the timestamp the request carries.</summary>
    private static IEnumerable<string> CheckPassword(JsonElement body)
    {
        if (Text(body, "BusinessShortCode") != ShortCode) yield return "BusinessShortCode";
        var timestamp = Text(body, "Timestamp");
        if (timestamp is null || !DateTime.TryParseExact(timestamp, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            yield return "Timestamp";
        else if (Text(body, "Password") != Convert.ToBase64String(Encoding.UTF8.GetBytes(ShortCode + Passkey + timestamp)))
            yield return "Password";
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpRequest request)
    {
        try { return (await JsonDocument.ParseAsync(request.Body)).RootElement.Clone(); }
        catch (JsonException) { return default; }
    }

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private IResult Refuse(string code, string message, string violation)
    {
        Violations.Enqueue(violation);
        return Envelope(400, code, message);
    }

    private static IResult Envelope(int status, string code, string message) => Results.Json(
        new Dictionary<string, string> { ["requestId"] = Guid.NewGuid().ToString("N")[..12], ["errorCode"] = code, ["errorMessage"] = message },
        statusCode: status);

    [GeneratedRegex("^254[17][0-9]{8}$")]
    private static partial Regex Msisdn();

    [GeneratedRegex(@"^https://elimu\.test/api/v1/payments/mpesa/callback/[A-Za-z0-9_\-%]+$")]
    private static partial Regex CallbackUrl();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
