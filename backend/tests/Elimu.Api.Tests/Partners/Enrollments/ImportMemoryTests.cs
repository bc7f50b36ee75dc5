using System.Diagnostics;
using System.Net;
using Elimu.Api.Tests.Infrastructure;
using Xunit.Abstractions;
using static Elimu.Api.Tests.Partners.Enrollments.ImportTestData;

namespace Elimu.Api.Tests.Partners.Enrollments;

[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

/// <summary>
/// The API's memory during and after the bombs: the 206 KB workbook whose shared strings expand to 200 MB took it from
/// 340 MB to 2.1 GB and left 1.9 GB behind. Run alone (no other test allocates meanwhile) and measured on the managed
/// heap, which is where the expanded XML went.
/// </summary>
[Collection(nameof(MemoryMeasurement))]
public sealed class ImportMemoryTests(SeededApiFactory api, ITestOutputHelper output) : IClassFixture<SeededApiFactory>
{
    private const long MB = 1024 * 1024;

    /// <summary>
    /// The bombs are refused before they expand, so memory barely moves. A workbook at the limits is read whole and
    /// answered (20,000 rows of results), so it may use what a real 20,000-row workbook uses, and no more.
    /// </summary>
    [Theory]
    [InlineData(nameof(WorkbookBombs.SharedStrings), 64)]
    [InlineData(nameof(WorkbookBombs.EmptyRows), 64)]
    [InlineData(ImportBombTests.Real20000, 256)]
    [InlineData(nameof(WorkbookBombs.AtTheLimits), 256)]
    public async Task An_upload_neither_raises_memory_beyond_its_bound_nor_leaves_any_behind(string attack, int peakMb)
    {
        var (name, content) = ImportBombTests.File(attack);
        using var client = await api.LoginAsync("partner@elimu.demo");
        await UploadAsync(client, DryRun, name, content); // once first, so JIT, pools and query caches are not counted as left behind

        var baseline = Settle();
        var workingSetBefore = Environment.WorkingSet;
        long peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(false));
                await Task.Delay(2);
            }
        });

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            var response = await UploadAsync(client, i % 2 == 0 ? DryRun : Commit, name, content);
            Assert.True(response.StatusCode < HttpStatusCode.InternalServerError, $"{(int)response.StatusCode}");
            if (i == 0) output.WriteLine($"{attack}: {(int)response.StatusCode} {Truncated(await response.Content.ReadAsStringAsync())}");
        }
        clock.Stop();
        await sampling.CancelAsync();
        await sampler;
        var after = Settle();
        var workingSetAfter = Environment.WorkingSet;

        output.WriteLine($"{attack} ({content.Length / 1024} KB) ×3 in {clock.ElapsedMilliseconds} ms: managed heap {baseline / MB} MB before, "
            + $"peak {peak / MB} MB (+{(peak - baseline) / MB} MB), {after / MB} MB after; working set {workingSetBefore / MB} MB before, "
            + $"{workingSetAfter / MB} MB after");
        Assert.True(peak - baseline < peakMb * MB, $"peak {(peak - baseline) / MB} MB over the baseline");
        Assert.True(after - baseline < 32 * MB, $"{(after - baseline) / MB} MB left over the baseline");
        // What the operating system sees: a heap that grew to gigabytes stays committed long after a collection.
        Assert.True(workingSetAfter - workingSetBefore < 128 * MB, $"working set grew {(workingSetAfter - workingSetBefore) / MB} MB");
    }

    private static string Truncated(string body) => body.Length > 300 ? body[..300] + "…" : body;

    private static long Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
