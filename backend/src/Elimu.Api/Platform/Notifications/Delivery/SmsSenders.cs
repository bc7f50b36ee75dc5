using Microsoft.Extensions.Options;

namespace Elimu.Api.Platform.Notifications.Delivery;

public interface ISmsSender
{
    Task SendAsync(string phoneNumber, string message, CancellationToken ct);
}

/// <summary>No gateway configured: the text is logged (the demo's "sent"), never lost silently.</summary>
public sealed class LogOnlySmsSender(ILogger<LogOnlySmsSender> log) : ISmsSender
{
    public Task SendAsync(string phoneNumber, string message, CancellationToken ct)
    {
        log.LogInformation("SMS to {Phone}: {Message}", phoneNumber, message);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Africa's Talking's bulk SMS API: POST {BaseUrl}/version1/messaging as a form (username, to, message, from) with the
/// <c>apiKey</c> header. A non-success status throws, so the outbox retries it.
/// </summary>
public sealed class AfricasTalkingSmsSender(HttpClient http, IOptions<SmsOptions> options) : ISmsSender
{
    public async Task SendAsync(string phoneNumber, string message, CancellationToken ct)
    {
        var sms = options.Value;
        var form = new Dictionary<string, string> { ["username"] = sms.Username ?? "", ["to"] = phoneNumber, ["message"] = message };
        if (!string.IsNullOrEmpty(sms.SenderId)) form["from"] = sms.SenderId;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(sms.BaseUrl!.TrimEnd('/') + "/"), "version1/messaging"))
        {
            Content = new FormUrlEncodedContent(form),
        };
        request.Headers.Add("apiKey", sms.ApiKey ?? "");
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"The SMS gateway answered {(int)response.StatusCode}.", null, response.StatusCode);
    }
}
