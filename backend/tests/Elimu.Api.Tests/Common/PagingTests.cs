using Elimu.Api.Common;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Tests.Common;

/// <summary>
/// The lists' paging (<see cref="PagingExtensions.ToPagedAsync{T}"/>, behind most of the API's lists): a page and the
/// count of all rows come back in one statement on either database, and the count is right on every page, also past
/// the end, where no row can carry it.
/// </summary>
public sealed class PagingTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private async Task<(Paged<T> Page, int Queries)> PageAsync<T>(IQueryable<T> query, int page, int size)
    {
        api.Queries.Reset();
        var result = await query.ToPagedAsync(new PageRequest(page, size), CancellationToken.None);
        return (result, api.Queries.Count);
    }

    [Fact]
    public async Task A_page_and_its_total_are_one_statement_and_only_a_page_past_the_end_asks_for_the_count_alone()
    {
        await api.WithDbAsync(async db =>
        {
            var ids = db.Students.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id);
            var all = await ids.ToListAsync();
            Assert.True(all.Count >= 7, $"the demo seed has {all.Count} students");

            var (second, queries) = await PageAsync(ids, 2, 3);
            Assert.Equal(all[3..6], second.Items);
            Assert.Equal((all.Count, 1), (second.Total, queries));

            var lastPage = (all.Count + 2) / 3;
            var (last, lastQueries) = await PageAsync(ids, lastPage, 3);
            Assert.Equal(all[((lastPage - 1) * 3)..], last.Items);
            Assert.Equal((all.Count, 1), (last.Total, lastQueries));

            var (past, pastQueries) = await PageAsync(ids, lastPage + 1, 3);
            Assert.Equal((0, all.Count, 2), (past.Items.Count, past.Total, pastQueries));

            var (none, noneQueries) = await PageAsync(ids.Where(id => id == Guid.Empty), 1, 3);
            Assert.Equal((0, 0, 1), (none.Items.Count, none.Total, noneQueries));

            // Whole entities page the same way.
            var students = db.Students.AsNoTracking().Where(s => s.Grade == Elimu.Api.Platform.Students.CbcGrade.Grade5).OrderBy(s => s.Id);
            var grade5 = await students.CountAsync();
            var (entities, entityQueries) = await PageAsync(students, 1, 2);
            Assert.Equal((Math.Min(2, grade5), grade5, 1), (entities.Items.Count, entities.Total, entityQueries));
            return true;
        });
    }
}
