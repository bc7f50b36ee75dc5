using System.Net;
using System.Text;
using Elimu.Api.Platform.Learning.Ingestion;
using Elimu.Api.Platform.ServiceKeys;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Elimu.Api.Tests.Platform.Ingestion.IngestionTestKit;

namespace Elimu.Api.Tests.Platform.Ingestion;

/// <summary>
/// The learning-events route's two guards, over real HTTP: the body limit (2 MB: Kestrel enforces it, so this host runs
/// on Kestrel on 127.0.0.1, reached as through a TLS-ending proxy; the in-memory test server has no body limit at all)
/// and the per-key rate limit.
/// </summary>
public sealed class LearningEventLimitsTests(LearningEventLimitsTests.KestrelApiFactory api) : IClassFixture<LearningEventLimitsTests.KestrelApiFactory>
{
    public const int BatchesPerSecond = 1;

    public sealed class KestrelApiFactory : SeededApiFactory
    {
        public KestrelApiFactory() => UseKestrel(0);

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["RateLimits:LearningBatchesPerSecond"] = BatchesPerSecond.ToString(),
            // Outside Development the API answers HTTPS only; the client here stands for a TLS-ending proxy on loopback.
            ["Elimu:KnownProxies:0"] = "127.0.0.1",
        };

        public override async Task InitializeAsync()
        {
            StartServer();
            await base.InitializeAsync();
        }

        /// <summary>A new service key, made as the server's <c>service-key create</c> command makes one.</summary>
        public async Task<string> CreateKeyAsync(string name)
        {
            using var scope = Services.CreateScope();
            return (await scope.ServiceProvider.GetRequiredService<ServiceKeyStore>().CreateAsync(name, null, CancellationToken.None)).Key;
        }

        /// <summary>A client of the Kestrel server (plain HTTP on loopback) that speaks as a service.</summary>
        public HttpClient KestrelService(string key)
        {
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var client = new HttpClient { BaseAddress = new Uri(address) };
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            return client;
        }
    }

    [Fact]
    public async Task A_body_over_2_MB_is_refused_with_413_before_anything_is_stored()
    {
        var (students, _, _) = await DemoReferencesAsync(api);
        var key = await api.CreateKeyAsync("big sender");
        using var client = api.KestrelService(key);
        var before = await api.WithDbAsync(db => db.LearningEventReceipts.CountAsync());

        // 1,000 valid-looking sessions padded with a long device name: a little over the limit, in one JSON document.
        var padding = new string('x', (int)(IngestLearningEvents.MaxBodyBytes / 1000) + 100);
        var events = Enumerable.Range(0, 1000).Select(_ =>
            $"{{\"id\":\"{Guid.NewGuid()}\",\"kind\":\"session\",\"studentId\":\"{students[0]}\",\"occurredAt\":\"{DateTimeOffset.UtcNow.AddHours(-1):O}\",\"durationMinutes\":10,\"device\":\"{padding}\"}}");
        var body = $"{{\"events\":[{string.Join(',', events)}]}}";
        Assert.True(Encoding.UTF8.GetByteCount(body) > IngestLearningEvents.MaxBodyBytes);

        var response = await client.PostAsync(Route, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Equal(before, await api.WithDbAsync(db => db.LearningEventReceipts.CountAsync()));

        // Just under the limit the same route takes a full batch (once the refused send's token is back).
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var fits = await SendAsync(client, Enumerable.Range(0, 1000).Select(i => Session(students[i % students.Count], DateTimeOffset.UtcNow.AddHours(-1), 10)));
        Assert.Equal(1000, (await ResultAsync(fits)).Stored);
    }

    [Fact]
    public async Task A_key_over_its_batches_per_second_gets_429_and_another_key_is_not_slowed()
    {
        var (students, _, _) = await DemoReferencesAsync(api);
        var busyKey = await api.CreateKeyAsync("busy app");
        var otherKey = await api.CreateKeyAsync("quiet app");
        using var busy = api.KestrelService(busyKey);
        using var other = api.KestrelService(otherKey);

        // The key's first use writes its "last used" time; after it, a second for the bucket to fill again.
        await ResultAsync(await SendAsync(busy, [Session(students[0], DateTimeOffset.UtcNow.AddHours(-1), 10)]));
        await Task.Delay(TimeSpan.FromSeconds(1.2));

        // Twenty at once against an allowance of one a second: all but a few must be refused, however slow the machine.
        var sends = Enumerable.Range(0, 20)
            .Select(_ => SendAsync(busy, [Session(students[0], DateTimeOffset.UtcNow.AddHours(-1), 10)]));
        var responses = await Task.WhenAll(sends);

        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.True(refused.Count >= 10, string.Join(", ", responses.Select(r => (int)r.StatusCode)));
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        var problem = await refused[0].JsonAsync();
        Assert.Equal("rate_limited", problem.GetProperty("code").GetString());
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("application/problem+json", refused[0].Content.Headers.ContentType?.MediaType);

        // The limit is per key: another service is not refused for the first one's traffic.
        await ResultAsync(await SendAsync(other, [Session(students[1], DateTimeOffset.UtcNow.AddHours(-1), 10)]));

    }
}
