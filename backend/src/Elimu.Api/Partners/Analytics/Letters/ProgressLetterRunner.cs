using System.Collections.Concurrent;
using Elimu.Api.Ai;
using Elimu.Api.Data;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Profiles;
using Elimu.Api.Platform.Audit;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Analytics.Letters;

/// <summary>Thrown when a batch's row says it is no longer running (cancelled, or taken over): the run stops where it is.</summary>
public sealed class LetterBatchStoppedException() : OperationCanceledException("The letter batch is no longer running.");

/// <summary>
/// Writes one claimed batch. The figures of every child come through the gate in a fixed number of queries (consent as
/// it stands now: a revoked or declined child gets no letter); then each child's narrative (the orchestrator, which sees
/// only "Child A") and PDF are made in parallel on every core, each PDF written to its file. One loop on this thread
/// saves the finished letters' rows in chunks and the progress with the heartbeat every <see cref="ReportEvery"/>, which
/// is also where a cancel made on another instance is seen.
/// </summary>
public sealed class ProgressLetterRunner(AppDbContext db, ChildLearningGate gate, ReadAudit reads, IAiOrchestrator ai, PartnerLetterheads letterheads,
    ProgressLetterFiles files, ProgressLetterPush push, TimeProvider clock, ILogger<ProgressLetterRunner> log)
{
    public static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(1);
    public const string View = "progress-letter";

    /// <summary>How many letters are made at once: the cores (rendering is CPU work; Offline narratives are too).</summary>
    public static int Parallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Where the time went, summed over the letters (the benchmark prints it).</summary>
    public LetterTimings Timings { get; } = new();

    public async Task RunAsync(Guid batchId, CancellationToken ct)
    {
        var batch = await db.ProgressLetterBatches.AsNoTracking().FirstAsync(b => b.Id == batchId, ct);
        // A batch taken over from a stopped instance starts again from nothing.
        await db.ProgressLetters.Where(l => l.BatchId == batchId).ExecuteDeleteAsync(ct);
        files.DeleteBatch(batchId);

        await StepAsync(batch, 2, "Reading the children's learning", 0, 0, ct);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var children = await gate.ProgramTermAsync(batch.PartnerId, batch.ProgramId, batch.TermStart, batch.TermEnd, View, ct);
        await reads.FlushAsync(ct);
        Timings.Add(ref Timings.FiguresTicks, started);
        var head = await letterheads.ForAsync(batch.PartnerId, ct);
        var total = children.Count;
        await StepAsync(batch, 5, total == 0 ? "No child has consent" : "Writing the letters", 0, total, ct);

        var finished = new ConcurrentQueue<ProgressLetter>();
        var done = 0;
        using var work = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var writing = Parallel.ForEachAsync(children, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = work.Token },
            async (child, token) =>
            {
                finished.Enqueue(await WriteAsync(batch, head, child, token));
                Interlocked.Increment(ref done);
            });

        try
        {
            while (!writing.IsCompleted)
            {
                await Task.WhenAny(writing, Task.Delay(ReportEvery, ct));
                await SaveAsync(finished, ct);
                if (!writing.IsCompleted) await StepAsync(batch, Percent(done, total), "Writing the letters", done, total, ct);
            }
            await writing;
        }
        catch
        {
            await work.CancelAsync();
            try { await writing; } catch (OperationCanceledException) { /* stopped with the rest */ }
            throw;
        }
        await SaveAsync(finished, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var completed = await db.ProgressLetterBatches.Where(b => b.Id == batchId && b.Status == LetterBatchStatus.running)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, LetterBatchStatus.completed).SetProperty(b => b.Progress, 100)
                .SetProperty(b => b.Stage, "Ready").SetProperty(b => b.Done, total).SetProperty(b => b.Total, total)
                .SetProperty(b => b.ActiveKey, (string?)null).SetProperty(b => b.CompletedAt, now), ct);
        if (completed == 0) throw new LetterBatchStoppedException();
        log.LogInformation("Letter batch {BatchId}: {Letters} letters written", batchId, total);
        await push.SendAsync(batch.PartnerId, new LetterBatchProgress(batchId, LetterBatchStatus.completed, 100, "Ready", total, total, null), ct);
    }

    private async Task<ProgressLetter> WriteAsync(ProgressLetterBatch batch, PartnerLetterhead head, ChildTerm child, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var answer = await ai.RunAsync(new ProgressLetterTask(ProgressLetterFacts.From(batch.TermName, child.Term)), new AiRequest(batch.PartnerId), ct);
        started = Timings.Add(ref Timings.NarrativeTicks, started);
        // The model wrote about "Child A"; the letter names the child.
        var narrative = AiPseudonyms.Reveal(answer.Result.Narrative, [child.FirstName]);
        var letter = new ProgressLetter
        {
            BatchId = batch.Id, SponsoredChildId = child.ChildId, StudentId = child.StudentId, FirstName = child.FirstName,
            Provider = answer.Provider, Model = answer.Model, GeneratedAt = answer.GeneratedAt.UtcDateTime,
        };
        var (pdf, pages) = ProgressLetterPdf.Write(new LetterContent(head, batch.ProgramName, batch.TermName, child.FirstName, child.Term, narrative,
            answer.Provider, answer.Model, answer.GeneratedAt));
        started = Timings.Add(ref Timings.PdfTicks, started);
        await files.WriteAsync(batch.Id, letter.Id, pdf, ct);
        Timings.Add(ref Timings.FileTicks, started);
        letter.Pages = pages;
        letter.SizeBytes = pdf.Length;
        return letter;
    }

    private async Task SaveAsync(ConcurrentQueue<ProgressLetter> finished, CancellationToken ct)
    {
        var chunk = new List<ProgressLetter>();
        while (finished.TryDequeue(out var letter)) chunk.Add(letter);
        if (chunk.Count == 0) return;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        db.ProgressLetters.AddRange(chunk);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        Timings.Add(ref Timings.RowTicks, started);
    }

    private static int Percent(int done, int total) => total == 0 ? 99 : 5 + (int)(94L * done / total);

    private async Task StepAsync(ProgressLetterBatch batch, int progress, string stage, int done, int total, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var now = clock.GetUtcNow().UtcDateTime;
        var running = await db.ProgressLetterBatches.Where(b => b.Id == batch.Id && b.Status == LetterBatchStatus.running)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Progress, progress).SetProperty(b => b.Stage, stage).SetProperty(b => b.Done, done)
                .SetProperty(b => b.Total, total).SetProperty(b => b.HeartbeatAt, now), ct);
        if (running == 0) throw new LetterBatchStoppedException();
        await push.SendAsync(batch.PartnerId, new LetterBatchProgress(batch.Id, LetterBatchStatus.running, progress, stage, done, total, null), ct);
    }
}

/// <summary>Stopwatch ticks spent per stage, summed over threads (so the parallel stages can add up to more than the wall time).</summary>
public sealed class LetterTimings
{
    public long FiguresTicks, NarrativeTicks, PdfTicks, FileTicks, RowTicks;

    /// <summary>Adds the time since <paramref name="started"/> to <paramref name="ticks"/>; returns now, for the next stage.</summary>
    public long Add(ref long ticks, long started)
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        Interlocked.Add(ref ticks, now - started);
        return now;
    }

    public static double Seconds(long ticks) => (double)ticks / System.Diagnostics.Stopwatch.Frequency;
}
