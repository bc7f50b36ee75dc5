using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Elimu.Api.Partners.Finance;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Payments.Mpesa;

/// <summary>
/// Daraja over HTTP: the OAuth token (cached, see <see cref="DarajaTokenCache"/>) and authenticated JSON posts. An
/// expired or invalid token is fetched again and the post sent once more; nothing else is retried here (the
/// reconciliation job asks again later). A transport failure or timeout becomes <see cref="GatewayUnavailableException"/>.
/// </summary>
internal sealed class DarajaClient(HttpClient http, IOptions<MpesaOptions> options, DarajaTokenCache tokens)
{
    /// <summary>The error codes with which Daraja refuses a token (401.003.01 expired, 404.001.03 invalid).</summary>
    private static readonly string[] TokenRefused = ["401.003.01", "404.001.03"];

    /// <summary>Daraja's names are PascalCase (CallBackURL, CheckoutRequestID): sent as the records spell them.</summary>
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.General);

    public async Task<DarajaAnswer> PostAsync(string path, object body, CancellationToken ct)
    {
        var token = await tokens.GetAsync(FetchTokenAsync, ct);
        var answer = await SendAsync(path, body, token, ct);
        if (answer.ErrorCode is { } code && TokenRefused.Contains(code))
        {
            tokens.Forget(token);
            answer = await SendAsync(path, body, await tokens.GetAsync(FetchTokenAsync, ct), ct);
        }
        return answer;
    }

    private Task<DarajaAnswer> SendAsync(string path, object body, string token, CancellationToken ct) => Guard(async () =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType(), options: Wire) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await ReadAsync(request, ct);
    }, ct);

    private Task<(string Token, TimeSpan Lifetime)> FetchTokenAsync(CancellationToken ct) => Guard(async () =>
    {
        var mpesa = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Get, "oauth/v1/generate?grant_type=client_credentials");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{mpesa.ConsumerKey}:{mpesa.ConsumerSecret}")));
        var answer = await ReadAsync(request, ct);
        var token = answer.Text("access_token");
        if (!answer.IsSuccess || string.IsNullOrEmpty(token))
            throw new GatewayUnavailableException(PaymentGateway.mpesa, answer.Refusal("M-Pesa refused the app's credentials"));
        // expires_in comes as a string ("3599"); a number is taken as well.
        var seconds = double.TryParse(answer.Text("expires_in"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 60;
        return (token, TimeSpan.FromSeconds(seconds));
    }, ct);

    private async Task<DarajaAnswer> ReadAsync(HttpRequestMessage request, CancellationToken ct)
    {
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (string.IsNullOrWhiteSpace(text)) return new DarajaAnswer((int)response.StatusCode, default);
        try
        {
            using var json = JsonDocument.Parse(text);
            return new DarajaAnswer((int)response.StatusCode, json.RootElement.Clone());
        }
        catch (JsonException) { return new DarajaAnswer((int)response.StatusCode, default); } // an HTML page from a proxy: the status says enough
    }

    private static async Task<T> Guard<T>(Func<Task<T>> call, CancellationToken ct)
    {
        try { return await call(); }
        catch (HttpRequestException e) { throw new GatewayUnavailableException(PaymentGateway.mpesa, "M-Pesa could not be reached.", e); }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new GatewayUnavailableException(PaymentGateway.mpesa, "M-Pesa did not answer in time.", e);
        }
    }
}

/// <summary>One Daraja answer: its status and JSON body (default when there was none). Non-2xx answers carry
/// Daraja's error envelope <c>{"requestId","errorCode","errorMessage"}</c>.</summary>
internal readonly record struct DarajaAnswer(int Status, JsonElement Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;
    public string? ErrorCode => IsSuccess ? null : Text("errorCode");
    public string? ErrorMessage => IsSuccess ? null : Text("errorMessage");

    /// <summary>A property as text, whether Daraja sent it as a string or a number (it does both).</summary>
    public string? Text(string name) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    /// <summary>The provider's own words for a refusal, for the payer and the log.</summary>
    public string Refusal(string what) => ErrorMessage is { Length: > 0 } message
        ? $"{what}: {message}" + (ErrorCode is { Length: > 0 } code ? $" ({code})." : ".")
        : $"{what} (HTTP {Status}).";
}
