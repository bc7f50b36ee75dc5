using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Elimu.Api.Tests.Payments;

/// <summary>
/// A provider's API played by a small Kestrel server on 127.0.0.1 (a free port). Each fake checks every request as the
/// provider documents it and writes what it found wrong to <see cref="Violations"/>, which the tests assert is empty.
/// </summary>
public abstract class FakeProviderServer : IAsyncDisposable
{
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";
    public ConcurrentQueue<string> Violations { get; } = new();

    protected async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        Map(_app);
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    protected abstract void Map(WebApplication app);

    protected void Expect(bool condition, string violation)
    {
        if (!condition) Violations.Enqueue(violation);
    }

    protected static string Header(HttpRequest request, string name) => request.Headers[name].ToString();

    protected static async Task<string> BodyAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
