using System.Threading.Channels;
using Elimu.Api.Data;

namespace Elimu.Api.Platform.Audit;

/// <summary>
/// Collects, during one request, the children whose data the privacy gate revealed, and hands them as ONE audit entry
/// per view (with one child row each) to <see cref="IReadAuditQueue"/> once the handler has computed its answer and
/// before that answer is sent (<see cref="ReadAuditFilter"/>). The request does not wait for the database: the queue is
/// written in batches off the request path and drained on shutdown (docs/adr/0009). A page of 100 children is one entry.
/// </summary>
public sealed class ReadAudit(AppDbContext db, IReadAuditQueue queue, IHttpContextAccessor http, TimeProvider clock)
{
    private readonly Dictionary<(Guid Reader, string View), Reveal> _reveals = [];

    public bool HasPending => _reveals.Count > 0;

    /// <param name="reader">The partner reading.</param>
    /// <param name="view">What was read (list, header, progress, ...); becomes the action <c>child.read.{view}</c>.</param>
    /// <param name="children">Sponsored child id and student id of every child shown with its data.</param>
    public void Record(Guid reader, string view, IEnumerable<(Guid SponsoredChildId, Guid StudentId)> children)
    {
        var list = children.ToList();
        if (list.Count == 0) return;
        if (!_reveals.TryGetValue((reader, view), out var reveal)) _reveals[(reader, view)] = reveal = new Reveal();
        foreach (var (childId, studentId) in list) reveal.Children[childId] = studentId;
    }

    /// <summary>Queues what was collected (waiting while the queue is full) and forgets it.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_reveals.Count == 0) return;
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        var at = clock.GetUtcNow().UtcDateTime; // when it was read, not when the writer got to it
        var entries = new List<AuditLogEntry>();
        foreach (var ((reader, view), reveal) in _reveals)
        {
            var entry = new AuditLogEntry
            {
                UserId = reader, PartnerId = reader, Action = $"child.read.{view}", EntityType = "sponsored_child", IpAddress = ip, At = at,
                // One child: its id, as the tab views always wrote; many: how many, the children are in audit_log_students.
                EntityId = reveal.Children.Count == 1 ? reveal.Children.Keys.Single().ToString() : null,
                Details = reveal.Children.Count == 1 ? null : $"{reveal.Children.Count} children",
            };
            entry.Students = reveal.Children.Values.Distinct()
                .Select(s => new AuditLogStudent { AuditLogEntryId = entry.Id, StudentId = s }).ToList();
            entries.Add(entry);
        }
        _reveals.Clear();
        var queued = 0;
        try
        {
            foreach (var entry in entries) { await queue.EnqueueAsync(entry, ct); queued++; }
        }
        catch (ChannelClosedException)
        {
            // The host is stopping and the writer has taken its last entries: this late read writes its own.
            db.AuditLog.AddRange(entries.Skip(queued));
            await db.SaveChangesAsync(ct);
        }
    }

    private sealed class Reveal
    {
        public Dictionary<Guid, Guid> Children { get; } = [];
    }
}

/// <summary>
/// Flushes <see cref="ReadAudit"/> after the handler returns and before its result is written, so a read whose audit
/// is not queued (the client went away while the queue was full) is not sent either.
/// </summary>
public sealed class ReadAuditFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var reads = context.HttpContext.RequestServices.GetRequiredService<ReadAudit>();
        if (reads.HasPending) await reads.FlushAsync(context.HttpContext.RequestAborted);
        return result;
    }
}
