using System.IO.Compression;
using System.Security.Claims;
using System.Text;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Analytics.Letters;

/// <summary>One letter's PDF, and a batch's letters as one ZIP written to the response as it is read from disk.</summary>
public static class ProgressLetterDownloads
{
    public static async Task<FileStreamHttpResult> Pdf(Guid batchId, Guid letterId, ClaimsPrincipal user, ProgressLetterReader reader,
        ProgressLetterFiles files, AuditTrail audit, AppDbContext db, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var batch = await reader.BatchAsync(partnerId, batchId, ct);
        var letter = await reader.Visible(partnerId, batchId).FirstOrDefaultAsync(l => l.Id == letterId, ct) ?? throw DomainException.NotFound("Letter");
        audit.Record(user.UserId(), "progress_letter.downloaded", "progress_letter", letter.Id, $"{batch.ProgramName}: {batch.TermName}", partnerId,
            [letter.StudentId]);
        await db.SaveChangesAsync(ct);
        return TypedResults.File(files.OpenRead(batchId, letter.Id), "application/pdf", FileName(letter, batch));
    }

    /// <summary>
    /// The letters go into the archive one at a time through a small buffer that is sent after each letter, so memory holds
    /// one letter, never the archive (ZipArchive writes synchronously; the buffer lets the response be written asynchronously).
    /// Stored without compression: PDFs are compressed already, and the CPU is better spent writing letters.
    /// </summary>
    public static async Task<IResult> Zip(Guid batchId, ClaimsPrincipal user, ProgressLetterReader reader, ProgressLetterFiles files, AuditTrail audit,
        AppDbContext db, CancellationToken ct)
    {
        var partnerId = user.PartnerId();
        var batch = await reader.BatchAsync(partnerId, batchId, ct);
        if (batch.Status != LetterBatchStatus.completed)
            throw DomainException.Conflict("batch_not_ready", $"Only a completed batch can be downloaded; this one is {batch.Status}.");
        var letters = await reader.Visible(partnerId, batchId).OrderBy(l => l.FirstName).ThenBy(l => l.Id)
            .Select(l => new { l.Id, l.FirstName, l.StudentId }).ToListAsync(ct);
        audit.Record(user.UserId(), "progress_letters.downloaded", "progress_letter_batch", batch.Id,
            $"{batch.ProgramName}: {batch.TermName}, {letters.Count} letters (zip)", partnerId, letters.Select(l => l.StudentId));
        await db.SaveChangesAsync(ct);

        var name = $"progress-letters-{Slug(batch.ProgramName)}-{Slug(batch.TermName)}.zip";
        return Results.Stream(async body =>
        {
            var buffer = new ZipBuffer();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
            {
                foreach (var l in letters)
                {
                    var entryName = $"{Slug(l.FirstName)}-{l.Id.ToString("N")[..8]}.pdf";
                    await using (var source = files.OpenRead(batchId, l.Id))
                    await using (var entry = zip.CreateEntry(entryName, CompressionLevel.NoCompression).Open())
                        await source.CopyToAsync(entry, ct);
                    await buffer.DrainToAsync(body, ct);
                }
            }
            await buffer.DrainToAsync(body, ct);
        }, "application/zip", name);
    }

    private static string FileName(ProgressLetter l, ProgressLetterBatch b) => $"progress-letter-{Slug(l.FirstName)}-{Slug(b.TermName)}.pdf";

    /// <summary>Letters, digits and dashes only: a name from data never shapes a path or a header beyond that.</summary>
    internal static string Slug(string text)
    {
        var s = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(ch)) s.Append(char.ToLowerInvariant(ch));
            else if ((ch == ' ' || ch == '-' || ch == ',' || ch == '_') && s.Length > 0 && s[^1] != '-') s.Append('-');
        }
        var slug = s.ToString().Trim('-');
        return slug.Length == 0 ? "letter" : slug.Length > 40 ? slug[..40] : slug;
    }

    /// <summary>A write-only stream that collects what ZipArchive writes until it is drained to the response.</summary>
    private sealed class ZipBuffer : Stream
    {
        private readonly MemoryStream _pending = new();
        private long _position;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _position;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _pending.Write(buffer, offset, count);
            _position += count;
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _pending.Write(buffer);
            _position += buffer.Length;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public async Task DrainToAsync(Stream target, CancellationToken ct)
        {
            if (_pending.Length == 0) return;
            await target.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), ct);
            await target.FlushAsync(ct);
            _pending.SetLength(0);
        }

        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
