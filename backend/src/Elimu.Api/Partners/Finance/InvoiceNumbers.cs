using Elimu.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Finance;

/// <summary>
/// INV-2026-000001, INV-2026-000002, ...: one counter row per year, incremented by an UPDATE inside the transaction that
/// inserts the invoice. The UPDATE holds the row until that transaction ends, so concurrent issuers queue on it, and a
/// transaction that rolls back takes its number back with it: no gaps, no duplicates (ADR: a sequence would leave gaps).
/// </summary>
public static class InvoiceNumbers
{
    public static string Format(int year, int number) => $"INV-{year}-{number:000000}";

    /// <summary>The next number of <paramref name="year"/>; call inside the transaction that saves the invoice.</summary>
    public static async Task<int> NextAsync(AppDbContext db, int year, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Invoice numbers are taken inside the invoice's transaction.");
        var taken = await IncrementAsync(db, year, ct);
        if (taken is { } n) return n;
        // The year's first invoice: create its counter (a racing issuer's insert wins harmlessly), then take a number.
        await db.Database.ExecuteSqlAsync($"INSERT INTO invoice_counters (year, last_number) VALUES ({year}, 0) ON CONFLICT (year) DO NOTHING", ct);
        return await IncrementAsync(db, year, ct) ?? throw new InvalidOperationException($"No invoice counter for {year}.");
    }

    private static async Task<int?> IncrementAsync(AppDbContext db, int year, CancellationToken ct)
    {
        var rows = await db.Database
            .SqlQuery<int>($"UPDATE invoice_counters SET last_number = last_number + 1 WHERE year = {year} RETURNING last_number AS \"Value\"")
            .ToListAsync(ct);
        return rows.Count == 0 ? null : rows[0];
    }
}
