namespace Elimu.Api.Common;

public static class JobTicks
{
    /// <summary>
    /// <see cref="PeriodicTimer.WaitForNextTickAsync"/>, then the tick's work runs on the thread pool. Without the yield
    /// the work runs inline on the thread that fired the timer: a test clock jumping two weeks fires thousands of ticks
    /// on the test's own thread, each running a whole database scan before the jump returns. Off that thread, the ticks
    /// fired meanwhile coalesce into one, as they do on the system clock when a scan outlasts its interval.
    /// </summary>
    public static async ValueTask<bool> WaitForNextTickOnPoolAsync(this PeriodicTimer timer, CancellationToken ct)
    {
        var ticked = await timer.WaitForNextTickAsync(ct);
        await Task.Yield();
        return ticked;
    }
}
