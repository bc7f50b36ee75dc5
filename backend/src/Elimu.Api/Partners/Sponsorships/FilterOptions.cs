using Elimu.Api.Platform.Students;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>GET /filter-options: what the children and add-children filters offer, so the front end keeps no fixed lists.</summary>
public static class FilterOptions
{
    public static async Task<Ok<StudentFilterOptions>> Handle(StudentDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(await directory.FilterOptionsAsync(ct));
}
