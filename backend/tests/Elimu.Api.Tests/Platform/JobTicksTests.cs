using Elimu.Api.Common;
using Microsoft.Extensions.Time.Testing;

namespace Elimu.Api.Tests.Platform;

/// <summary>
/// The background jobs' loop (<see cref="JobTicks"/>): a clock that jumps a month must not run a month of ticks, one
/// after the other, on the thread that moved it (tests move the clock on their own thread; the jobs scan the database).
/// </summary>
public sealed class JobTicksTests
{
    [Fact]
    public async Task A_month_long_jump_runs_the_work_off_the_jumping_thread_and_coalesces_the_ticks()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5), clock);
        using var stop = new CancellationTokenSource();
        var threads = new System.Collections.Concurrent.ConcurrentBag<int>();
        var firstTick = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var loop = Task.Run(async () =>
        {
            try
            {
                while (await timer.WaitForNextTickOnPoolAsync(stop.Token))
                {
                    threads.Add(Environment.CurrentManagedThreadId);
                    firstTick.TrySetResult();
                    await Task.Delay(20); // a scan takes a while
                }
            }
            catch (OperationCanceledException) { }
        });
        await Task.Delay(100); // the loop waits on the timer

        var jumper = Environment.CurrentManagedThreadId;
        clock.Advance(TimeSpan.FromDays(30)); // 518,400 periods of 5 s
        await firstTick.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(200);
        stop.Cancel();
        await loop;

        Assert.NotEmpty(threads);
        Assert.DoesNotContain(jumper, threads);
        Assert.True(threads.Count < 50, $"{threads.Count} ticks ran for one jump");
    }
}
