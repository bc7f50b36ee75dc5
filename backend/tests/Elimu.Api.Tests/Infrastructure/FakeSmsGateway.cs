using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace Elimu.Api.Tests.Infrastructure;

/// <summary>An Africa's Talking-style SMS endpoint on 127.0.0.1 that records each request's path, apiKey header and form.</summary>
public sealed class FakeSmsGateway : IDisposable
{
    public sealed record Request(string Path, string? ApiKey, Dictionary<string, string> Form);

    private readonly HttpListener _listener = new();
    public ConcurrentQueue<Request> Received { get; } = new();
    public string BaseUrl { get; }
    /// <summary>What the gateway answers (201 Created, as Africa's Talking does for a queued message).</summary>
    public HttpStatusCode Status { get; set; } = HttpStatusCode.Created;

    public FakeSmsGateway()
    {
        BaseUrl = $"http://127.0.0.1:{FakeSmtpServer.FreePort()}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            using var reader = new StreamReader(context.Request.InputStream);
            var form = QueryHelpers.ParseQuery(await reader.ReadToEndAsync()).ToDictionary(k => k.Key, k => k.Value.ToString());
            Received.Enqueue(new Request(context.Request.Url!.AbsolutePath, context.Request.Headers["apiKey"], form));
            context.Response.StatusCode = (int)Status;
            context.Response.ContentType = "application/json";
            await using (var w = new StreamWriter(context.Response.OutputStream))
                await w.WriteAsync("""{"SMSMessageData":{"Message":"Sent to 1/1","Recipients":[{"status":"Success","statusCode":101}]}}""");
            context.Response.Close();
        }
    }

    public async Task<Request> WaitForAsync(Func<Request, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Received.FirstOrDefault(match) is { } r) return r;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No matching SMS in {timeout}; received {Received.Count}.");
    }

    public void Dispose() => _listener.Close();
}
