using Elimu.Api.Data.Locks;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Elimu.Api.Partners.Enrollments;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Elimu.Api.Tests.Partners.Enrollments.ImportTestData;

namespace Elimu.Api.Tests.Partners.Enrollments;

/// <summary>
/// One import at a time per partner. The uploads here send half their body and wait at a gate, so the first import is
/// provably still running while the others arrive: no timing guess decides the outcome.
/// </summary>
public sealed class ImportConcurrencyTests(ImportConcurrencyTests.Factory api) : IClassFixture<ImportConcurrencyTests.Factory>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Parallel_imports_of_one_partner_answer_one_409_import_in_progress()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var file = await OneChildFileAsync(client);
        var gate = new TaskCompletionSource();

        var imports = new[] { DryRun, Commit, DryRun, Commit }
            .Select(route => client.Http.PostAsync(route, GatedUpload.Create(file, gate.Task))).ToList();
        // Three are refused while the fourth (whichever came first) waits at the gate holding the partner's slot.
        var refused = await FirstAsync(imports, 3);
        foreach (var response in refused)
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.Equal("import_in_progress", (await response.JsonAsync()).GetProperty("code").GetString());
        }
        gate.SetResult();
        var admitted = (await Task.WhenAll(imports)).Except(refused).Single();
        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);

        // The slot is free again: the same partner imports right after.
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(client, DryRun, "again.csv", file)).StatusCode);
    }

    [Fact]
    public async Task Two_partners_import_at_the_same_time()
    {
        using var first = await api.LoginAsync("partner@elimu.demo");
        using var second = await api.LoginAsync("partner2@elimu.demo");
        var (firstFile, secondFile) = (await OneChildFileAsync(first), await OneChildFileAsync(second));
        var gate = new TaskCompletionSource();
        var before = api.Locks.Entered.Count;

        var imports = new[]
        {
            first.Http.PostAsync(Commit, GatedUpload.Create(firstFile, gate.Task)),
            second.Http.PostAsync(Commit, GatedUpload.Create(secondFile, gate.Task)),
        };
        // Both hold their own partner's slot at once; neither was turned away.
        await WaitUntilAsync(() => api.Locks.Entered.Skip(before).Distinct().Count() == 2);
        Assert.All(imports, i => Assert.False(i.IsCompleted));
        gate.SetResult();

        foreach (var response in await Task.WhenAll(imports))
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Fact]
    public async Task A_client_that_gives_up_frees_the_slot()
    {
        using var client = await api.LoginAsync("partner@elimu.demo");
        var file = await OneChildFileAsync(client);
        var before = api.Locks.Entered.Count;
        using var giveUp = new CancellationTokenSource();

        var abandoned = client.Http.PostAsync(DryRun, GatedUpload.Create(file, Task.Delay(Timeout.Infinite, giveUp.Token)), giveUp.Token);
        await WaitUntilAsync(() => api.Locks.Entered.Count > before);
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);

        // The server stops reading the abandoned upload and releases the slot; the next import is admitted.
        HttpResponseMessage next = null!;
        await WaitUntilAsync(async () => (next = await UploadAsync(client, DryRun, "next.csv", file)).StatusCode != HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    private async Task<byte[]> OneChildFileAsync(ApiClient client)
    {
        var program = await CreateProgramAsync(client);
        var students = await CreateStudentsAsync(api, 1);
        return Csv("student_id,program", $"{students[0].Id},{program}");
    }

    private static async Task<List<HttpResponseMessage>> FirstAsync(List<Task<HttpResponseMessage>> tasks, int count)
    {
        var done = new List<HttpResponseMessage>();
        var pending = tasks.ToList();
        using var timeout = new CancellationTokenSource(Patience);
        while (done.Count < count)
        {
            var next = await Task.WhenAny(pending).WaitAsync(timeout.Token);
            pending.Remove(next);
            done.Add(await next);
        }
        return done;
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true in time.");
            await Task.Delay(20);
        }
    }

    /// <summary>The real lock, recording which partner entered, so a test knows an import is under way.</summary>
    public sealed class RecordingImportLock : IImportLock
    {
        private readonly DatabaseImportLock _inner = new(new InProcessLocks());
        public ConcurrentQueue<Guid> Entered { get; } = new();

        public async ValueTask<IAsyncDisposable?> TryEnterAsync(Guid partnerId, CancellationToken ct)
        {
            var slot = await _inner.TryEnterAsync(partnerId, ct);
            if (slot is not null) Entered.Enqueue(partnerId);
            return slot;
        }
    }

    public sealed class Factory : SeededApiFactory
    {
        public RecordingImportLock Locks { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<IImportLock>(Locks));
        }
    }
}

/// <summary>A multipart upload that sends half its bytes, then waits for <c>gate</c> before sending the rest.</summary>
public sealed class GatedUpload : HttpContent
{
    private readonly byte[] _body;
    private readonly Task _gate;

    private GatedUpload(byte[] body, MediaTypeHeaderValue? type, Task gate)
    {
        (_body, _gate) = (body, gate);
        Headers.ContentType = type;
    }

    public static GatedUpload Create(byte[] csv, Task gate)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "children.csv");
        return new GatedUpload(form.ReadAsByteArrayAsync().GetAwaiter().GetResult(), form.Headers.ContentType, gate);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var half = _body.Length / 2;
        await stream.WriteAsync(_body.AsMemory(0, half));
        await stream.FlushAsync();
        await _gate;
        await stream.WriteAsync(_body.AsMemory(half));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }
}
