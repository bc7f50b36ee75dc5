using System.Diagnostics;
using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Platform.Learning.Rollups;

/// <summary><c>./elimu rollups rebuild</c> (<c>dotnet Elimu.Api.dll rollups rebuild</c>): recompute every daily rollup from the raw rows.</summary>
public static class RollupCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args is not ["rebuild", ..])
        {
            Console.Error.WriteLine("usage: rollups rebuild   recompute the daily learning rollups from the raw rows (idempotent)");
            return 2;
        }
        var db = services.GetRequiredService<AppDbContext>();
        // A batch of 2,000 students reads a few hundred thousand raw rows in one statement: more than the 30 s default
        // may pass on a busy PostgreSQL server.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        var clock = Stopwatch.StartNew();
        var lastShown = -1;
        var rows = await LearningRollups.RebuildAsync(db, progress: (done, all) =>
        {
            var percent = all == 0 ? 100 : done * 100 / all;
            if (percent == lastShown) return;
            lastShown = percent;
            Console.Write($"\rRebuilding rollups: {done:N0}/{all:N0} students ({percent}%)");
        });
        Console.WriteLine($"\rRebuilt {rows:N0} daily rollup rows in {clock.Elapsed.TotalSeconds:N1} s.{new string(' ', 30)}");
        return 0;
    }
}
