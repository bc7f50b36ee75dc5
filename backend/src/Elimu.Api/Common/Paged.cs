using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Common;

/// <summary>The shape of every list the API returns.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

/// <summary>
/// Page and page size from the query string: below 1 reads as 1 and the size is clamped to the API's limits, but a page
/// past <see cref="InputLimits.MaxPage"/> is a 400, so (page - 1) × size can never wrap around an int.
/// </summary>
public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 100;

    public static PageRequest From(int? page, int? pageSize)
    {
        new Validation().Within("page", page is > 0 ? page : null, 1, InputLimits.MaxPage).ThrowIfInvalid();
        return new(Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 20, 1, MaxPageSize));
    }

    public int Skip => (Page - 1) * PageSize;
}

public static class PagingExtensions
{
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> query, PageRequest page, CancellationToken ct)
    {
        var (items, total) = await query.PageWithTotalAsync(page, ct);
        return new Paged<T>(items, page.Page, page.PageSize, total);
    }

    /// <summary>
    /// A page of an ordered query and the count of all its rows, in one statement: the count rides along as an
    /// uncorrelated scalar subquery, which PostgreSQL and SQLite both run once per statement. One round trip instead of
    /// two was a fifth of a list request's cost under load (bench/RESULTS.md). Only an empty page past the first, where
    /// no row carries the count, asks for the count alone.
    /// </summary>
    public static async Task<(List<T> Items, int Total)> PageWithTotalAsync<T>(this IQueryable<T> query, PageRequest page, CancellationToken ct)
    {
        var rows = await query.Skip(page.Skip).Take(page.PageSize).Select(r => new WithTotal<T>(r, query.Count())).ToListAsync(ct);
        if (rows.Count > 0) return (rows.ConvertAll(r => r.Row), rows[0].Total);
        return ([], page.Skip == 0 ? 0 : await query.CountAsync(ct));
    }

    private sealed record WithTotal<T>(T Row, int Total);
}
