using System.Diagnostics;
using Elimu.Api.Data;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Analytics.Letters;

/// <summary>
/// <c>progress-letters [email] [letters]</c>: writes progress letters of every program of the partner (default the scale
/// partner of bench/ScaleSeed) as the job writes them (through the gate; narratives by whatever the routing table names,
/// Offline by default; PDFs on every core), term after term from the latest begun, until at least <c>letters</c>
/// (default 10,000) are written; prints the wall and CPU time, per letter and per stage, then removes what it wrote.
/// Timed by bench/progress-letters.sh.
/// </summary>
public static class ProgressLetterCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        var email = (args.FirstOrDefault() ?? "scale@elimu.demo").ToUpperInvariant();
        var wanted = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 10_000;
        var partnerId = await db.Users.Where(u => u.NormalizedEmail == email).Select(u => u.Id).SingleOrDefaultAsync();
        if (partnerId == Guid.Empty)
        {
            Console.Error.WriteLine($"No partner {email}: seed the scale data first.");
            return 1;
        }
        var programs = await services.GetRequiredService<ProgramListings>().OfPartner(partnerId).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name }).ToListAsync();
        var terms = services.GetRequiredService<ProgressLetterTerms>().Begun();
        var runner = services.GetRequiredService<ProgressLetterRunner>();
        var files = services.GetRequiredService<ProgressLetterFiles>();

        var batches = new List<Guid>();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var letters = 0;
        try
        {
            foreach (var term in terms)
            {
                foreach (var program in programs)
                {
                    if (letters >= wanted) break;
                    var batch = new ProgressLetterBatch
                    {
                        PartnerId = partnerId, ProgramId = program.Id, ProgramName = program.Name, TermName = term.Name, TermStart = term.Start,
                        TermEnd = term.End, Status = LetterBatchStatus.running, Stage = "Benchmark", RequestedBy = partnerId,
                        RequestedAt = clock.GetUtcNow().UtcDateTime, HeartbeatAt = clock.GetUtcNow().UtcDateTime,
                    };
                    db.ProgressLetterBatches.Add(batch);
                    await db.SaveChangesAsync();
                    db.ChangeTracker.Clear();
                    batches.Add(batch.Id);
                    await runner.RunAsync(batch.Id, CancellationToken.None);
                    letters += await db.ProgressLetters.CountAsync(l => l.BatchId == batch.Id);
                }
                if (letters >= wanted) break;
            }
            var wall = watch.Elapsed;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var bytes = await db.ProgressLetters.Where(l => batches.Contains(l.BatchId)).SumAsync(l => (long)l.SizeBytes);
            var t = runner.Timings;
            Console.WriteLine($"Stages (summed over {ProgressLetterRunner.Parallelism} workers): figures {LetterTimings.Seconds(t.FiguresTicks):F1} s, "
                + $"narratives {LetterTimings.Seconds(t.NarrativeTicks):F1} s, PDFs {LetterTimings.Seconds(t.PdfTicks):F1} s, "
                + $"files {LetterTimings.Seconds(t.FileTicks):F1} s, rows {LetterTimings.Seconds(t.RowTicks):F1} s; average letter {bytes / Math.Max(1, letters) / 1024} KB");
            Console.WriteLine($"Progress letters: {letters} letters in {batches.Count} batches ({Environment.ProcessorCount} cores), CPU {cpu.TotalSeconds:F1} s, "
                + $"{cpu.TotalMilliseconds / Math.Max(1, letters):F1} ms CPU and {wall.TotalMilliseconds / Math.Max(1, letters):F1} ms wall per letter, in {wall.TotalSeconds:F2} s");
            return letters >= wanted ? 0 : 2;
        }
        finally
        {
            await db.ProgressLetterBatches.Where(b => batches.Contains(b.Id)).ExecuteDeleteAsync();
            foreach (var id in batches) files.DeleteBatch(id);
        }
    }
}
