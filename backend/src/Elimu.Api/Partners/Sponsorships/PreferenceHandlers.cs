using System.Security.Claims;
using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Students;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Elimu.Api.Partners.Sponsorships;

/// <summary>Body and answer of /programs/{id}/preferences; every list empty means no preference.</summary>
public sealed record PreferencesBody(IReadOnlyList<CbcGrade>? Grades, IReadOnlyList<string>? Counties, IReadOnlyList<string>? Schools,
    Gender? Gender, IReadOnlyList<string>? LearningNeeds, GreatestNeed? GreatestNeed)
{
    public static PreferencesBody From(ProgramPreferences p) => new(
        p.Grades.Select(g => Enum.TryParse<CbcGrade>(g, out var v) ? v : (CbcGrade?)null).OfType<CbcGrade>().ToList(),
        p.Counties, p.Schools, Enum.TryParse<Gender>(p.Gender, out var gender) ? gender : null, p.LearningNeeds, p.GreatestNeed);
}

/// <summary>
/// A program's preferences (issue 20). They only rank, so they can change in any state, even after the terms are fixed;
/// a change is audited as a program change.
/// </summary>
public static class PreferenceHandlers
{
    public const int MaxItems = 50;

    public static async Task<Ok<PreferencesBody>> Get(Guid id, ClaimsPrincipal user, ProgramStore store, CancellationToken ct) =>
        TypedResults.Ok(PreferencesBody.From((await store.OwnedAsync(user.PartnerId(), id, ct)).Preferences));

    public static async Task<Ok<PreferencesBody>> Put(Guid id, PreferencesBody body, ClaimsPrincipal user, AppDbContext db,
        ProgramStore store, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        static List<string> Clean(IReadOnlyList<string>? items) =>
            (items ?? []).Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var counties = Clean(body.Counties);
        var schools = Clean(body.Schools);
        var needs = Clean(body.LearningNeeds);
        var v = new Validation()
            .Check((body.Grades?.Count ?? 0) <= MaxItems, "grades", $"Choose at most {MaxItems} grades.")
            .Check(counties.Count <= MaxItems, "counties", $"Choose at most {MaxItems} counties.")
            .Check(schools.Count <= MaxItems, "schools", $"Choose at most {MaxItems} schools.")
            .Check(needs.Count <= MaxItems, "learningNeeds", $"Choose at most {MaxItems} learning needs.");
        foreach (var county in counties) v.Check(KenyaCounties.All.Contains(county), "counties", $"{county} is not a county of Kenya.");
        foreach (var school in schools) v.Text("schools", school, 200);
        foreach (var need in needs) v.Text("learningNeeds", need, 200);
        v.ThrowIfInvalid();

        var partnerId = user.PartnerId();
        var program = await store.OwnedAsync(partnerId, id, ct);
        program.Preferences = new ProgramPreferences
        {
            Grades = (body.Grades ?? []).Distinct().Select(g => g.ToString()).ToList(),
            Counties = counties, Schools = schools, Gender = body.Gender?.ToString(), LearningNeeds = needs,
            GreatestNeed = body.GreatestNeed ?? GreatestNeed.none,
        };
        program.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(user.UserId(), "program.preferences.update", "sponsorship_program", program.Id, partnerId: partnerId);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PreferencesBody.From(program.Preferences));
    }
}
