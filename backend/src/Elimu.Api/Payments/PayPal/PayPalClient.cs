using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Payments.PayPal;

/// <summary>
/// The few PayPal REST calls the gateway makes (Orders v2 and webhook verification), each with a cached OAuth token
/// (client credentials) that is fetched again once when PayPal answers 401.
/// </summary>
internal sealed class PayPalClient(HttpClient http, IOptions<PayPalOptions> options, PayPalTokenCache tokens)
{
    private PayPalOptions Settings => options.Value;
    private Uri Url(string path) => new(new Uri(Settings.BaseUrl.TrimEnd('/') + "/"), path.TrimStart('/'));

    public Task<PayPalOrder> CreateOrderAsync(PayPalCreateOrder order, string requestId, CancellationToken ct) =>
        SendAsync<PayPalOrder>(() => Json(HttpMethod.Post, "/v2/checkout/orders", JsonSerializer.Serialize(order, PayPalJson.Options), requestId), ct);

    public Task<PayPalOrder> GetOrderAsync(string orderId, CancellationToken ct) =>
        SendAsync<PayPalOrder>(() => new HttpRequestMessage(HttpMethod.Get, Url($"/v2/checkout/orders/{Uri.EscapeDataString(orderId)}")), ct);

    /// <summary>Captures an approved order. The request id is derived from the order, so a second capture (a retry, a
    /// duplicated webhook, the reconciliation job) gets PayPal's first answer instead of an error or a second charge.</summary>
    public Task<PayPalOrder> CaptureAsync(string orderId, CancellationToken ct) =>
        SendAsync<PayPalOrder>(() => Json(HttpMethod.Post, $"/v2/checkout/orders/{Uri.EscapeDataString(orderId)}/capture", "{}", $"capture-{orderId}"), ct);

    /// <summary>Asks PayPal whether a webhook delivery is genuine. The event goes back byte for byte as received: PayPal
    /// checks its signature over the body it sent, which a re-serialised copy may not reproduce.</summary>
    public async Task<bool> VerifyWebhookAsync(PayPalTransmission transmission, string rawEvent, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("auth_algo", transmission.AuthAlgo);
            json.WriteString("cert_url", transmission.CertUrl);
            json.WriteString("transmission_id", transmission.Id);
            json.WriteString("transmission_sig", transmission.Signature);
            json.WriteString("transmission_time", transmission.Time);
            json.WriteString("webhook_id", Settings.WebhookId);
            json.WritePropertyName("webhook_event");
            json.WriteRawValue(rawEvent);
            json.WriteEndObject();
        }
        var body = Encoding.UTF8.GetString(buffer.ToArray());
        var answer = await SendAsync<PayPalVerification>(() => Json(HttpMethod.Post, "/v1/notifications/verify-webhook-signature", body, null), ct);
        return answer.VerificationStatus == "SUCCESS";
    }

    private HttpRequestMessage Json(HttpMethod method, string path, string body, string? requestId)
    {
        var request = new HttpRequestMessage(method, Url(path)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (requestId is not null) request.Headers.Add("PayPal-Request-Id", requestId);
        request.Headers.Add("Prefer", "return=representation");
        return request;
    }

    private async Task<T> SendAsync<T>(Func<HttpRequestMessage> build, CancellationToken ct)
    {
        var token = await tokens.GetAsync(FetchTokenAsync, ct);
        using var response = await SendWithTokenAsync(build(), token, ct);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return await ReadAsync<T>(response, ct);

        // An expired or revoked token: fetch a new one, once.
        tokens.Forget(token);
        token = await tokens.GetAsync(FetchTokenAsync, ct);
        using var retried = await SendWithTokenAsync(build(), token, ct);
        return await ReadAsync<T>(retried, ct);
    }

    private async Task<HttpResponseMessage> SendWithTokenAsync(HttpRequestMessage request, string token, CancellationToken ct)
    {
        using (request)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return await http.SendAsync(request, ct);
        }
    }

    private async Task<PayPalToken> FetchTokenAsync(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("/v1/oauth2/token"))
        {
            Content = new FormUrlEncodedContent([new("grant_type", "client_credentials")]),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Settings.ClientId}:{Settings.ClientSecret}")));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, ct);
        return await ReadAsync<PayPalToken>(response, ct);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            PayPalError? error = null;
            try { error = await response.Content.ReadFromJsonAsync<PayPalError>(PayPalJson.Options, ct); }
            catch (Exception e) when (e is JsonException or NotSupportedException) { /* an HTML error page from a proxy: the status says enough */ }
            throw new PayPalApiException(response.StatusCode, error);
        }
        return await response.Content.ReadFromJsonAsync<T>(PayPalJson.Options, ct)
            ?? throw new PayPalApiException(response.StatusCode, new PayPalError("EMPTY_RESPONSE", "PayPal answered without a body.", null, null, null, null));
    }
}

/// <summary>The five PAYPAL-* headers of a webhook delivery.</summary>
internal sealed record PayPalTransmission(string Id, string Time, string Signature, string CertUrl, string AuthAlgo)
{
    public static PayPalTransmission? From(IHeaderDictionary headers)
    {
        string? H(string name) => headers[name].ToString() is { Length: > 0 } v ? v : null;
        return H("PAYPAL-TRANSMISSION-ID") is { } id && H("PAYPAL-TRANSMISSION-TIME") is { } time && H("PAYPAL-TRANSMISSION-SIG") is { } sig
            && H("PAYPAL-CERT-URL") is { } cert && H("PAYPAL-AUTH-ALGO") is { } algo
            ? new(id, time, sig, cert, algo) : null;
    }
}
