using System.Text;
using System.Text.Json;

namespace Elimu.Api.Tests.Infrastructure;

/// <summary>
/// A minimal SignalR client over long polling and the JSON hub protocol, so tests can listen to the real hub
/// through the test server (which has no WebSockets) with the signed-in user's cookies.
/// </summary>
public sealed class HubLongPollingClient(HttpClient http, string hubPath, string connectionToken = "")
{
    private const char RecordSeparator = '\u001e';
    private string _token = connectionToken;
    private readonly Queue<JsonElement> _messages = new();

    public async Task ConnectAsync()
    {
        var negotiate = await http.PostAsync($"{hubPath}/negotiate?negotiateVersion=1", null);
        negotiate.EnsureSuccessStatusCode();
        _token = JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync()).RootElement.GetProperty("connectionToken").GetString()!;
        var handshake = await http.PostAsync($"{hubPath}?id={_token}",
            new StringContent("{\"protocol\":\"json\",\"version\":1}" + RecordSeparator, Encoding.UTF8, "text/plain"));
        handshake.EnsureSuccessStatusCode();
    }

    public string ConnectionToken => _token;

    /// <summary>One long poll, whatever it answers.</summary>
    public Task<HttpResponseMessage> PollAsync() => http.GetAsync($"{hubPath}?id={_token}");

    /// <summary>Polls until an invocation of <paramref name="target"/> arrives, and returns its first argument.</summary>
    public async Task<JsonElement> NextInvocationAsync(string target, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            while (_messages.TryDequeue(out var message))
                if (message.TryGetProperty("type", out var type) && type.GetInt32() == 1 && message.GetProperty("target").GetString() == target)
                    return message.GetProperty("arguments")[0];
            var poll = await http.GetAsync($"{hubPath}?id={_token}", cts.Token);
            poll.EnsureSuccessStatusCode();
            foreach (var frame in (await poll.Content.ReadAsStringAsync(cts.Token)).Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
                _messages.Enqueue(JsonDocument.Parse(frame).RootElement.Clone());
        }
    }
}
