using System.Net;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Partners.Sponsorships.SponsorshipScenario;

namespace Elimu.Api.Tests.Partners.Consent;

/// <summary>GET /consent/request/preview says who a request would ask and what they would read, and sends nothing.</summary>
public sealed class ConsentPreviewTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private const string Consent = "/api/v1/partner/sponsorships/consent";

    [Fact]
    public async Task The_preview_counts_what_the_request_then_does_names_children_without_a_guardian_and_sends_nothing()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var program = await api.ActiveProgramWithChildrenAsync(partner, 10, $"Preview {Guid.NewGuid():N}");
        var guardian = await api.CreateAsync(Roles.Parent);
        var orphan = await api.WithDbAsync(async db =>
        {
            var students = await db.SponsoredChildren.Where(c => c.ProgramId == program.Id).Select(c => c.StudentId).OrderBy(s => s).ToListAsync();
            db.Guardianships.RemoveRange(db.Guardianships.Where(g => students.Contains(g.StudentId)));
            db.Guardianships.AddRange(students.Skip(1).Select(s => new Guardianship { ParentId = guardian.Id, StudentId = s, Relationship = GuardianRelationship.guardian }));
            await db.SaveChangesAsync();
            return await db.SponsoredChildren.Include(c => c.Student).SingleAsync(c => c.ProgramId == program.Id && c.StudentId == students[0]);
        });
        var consentsBefore = await api.WithDbAsync(db => db.SponsorshipConsents.CountAsync());

        var preview = await partner.GetJsonAsync<ConsentRequestPreview>($"{Consent}/request/preview?programId={program.Id}");

        Assert.Equal(10, preview.Children);
        Assert.Equal(9, preview.ChildrenToAsk);
        Assert.Equal(9, preview.GuardiansToAsk);
        var without = Assert.Single(preview.WithoutGuardian);
        Assert.Equal(orphan.Id, without.Id);
        Assert.Equal(StudentDirectory.PrivateName(orphan.Student!.FirstName, orphan.Student.LastName), without.DisplayName);
        Assert.Equal(ConsentText.Version, preview.ConsentTextVersion);
        Assert.Contains(program.Name, preview.SampleText);
        Assert.Contains(PreviewConsentRequest.GuardianPlaceholder, preview.SampleText);
        Assert.Equal(ConsentText.WhatThePartnerSees, preview.PartnerSees);
        Assert.Equal(consentsBefore, await api.WithDbAsync(db => db.SponsorshipConsents.CountAsync()));

        var sent = (await (await partner.PostAsync($"{Consent}/request", new { programId = program.Id })).Content.ReadFromJsonAsyncWeb<ConsentRequestResult>())!;
        Assert.Equal(preview.GuardiansToAsk, sent.Requested);
        Assert.Equal(preview.WithoutGuardian.Select(c => c.Id), sent.WithoutGuardian);

        var again = await partner.GetJsonAsync<ConsentRequestPreview>($"{Consent}/request/preview?programId={program.Id}");
        Assert.Equal(0, again.GuardiansToAsk);
        Assert.Equal(9, again.AlreadyPending);
    }

    [Fact]
    public async Task A_program_that_is_not_active_is_refused_as_the_request_is_and_another_partner_gets_404()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var draft = await partner.CreateProgramAsync($"Draft preview {Guid.NewGuid():N}");
        var refused = await partner.GetAsync($"{Consent}/request/preview?programId={draft.Id}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("program_not_active", await refused.CodeAsync());

        using var stranger = await api.LoginAsync("partner2@elimu.demo");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{Consent}/request/preview?programId={draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.GetAsync($"{Consent}/request/preview")).StatusCode);
    }
}
