using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Support;

public sealed class TicketStats(AppDbContext db)
{
    /// <summary>Tickets that still need someone: open or in progress.</summary>
    public Task<int> OpenCountAsync(Guid partnerId, CancellationToken ct) =>
        db.PartnerTickets.CountAsync(t => t.PartnerId == partnerId
            && (t.Status == TicketStatus.open || t.Status == TicketStatus.in_progress), ct);
}
