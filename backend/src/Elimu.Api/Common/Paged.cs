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
        var total = await query.CountAsync(ct);
        var items = await query.Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new Paged<T>(items, page.Page, page.PageSize, total);
    }
}
