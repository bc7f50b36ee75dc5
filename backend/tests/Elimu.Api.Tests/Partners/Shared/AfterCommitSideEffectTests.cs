using System.Net;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Dashboard;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static Elimu.Api.Tests.Partners.Enrollments.ImportTestData;

namespace Elimu.Api.Tests.Partners.Shared;

/// <summary>A host whose SignalR hub context fails on every push, as when the backplane is down.</summary>
public sealed class BrokenHubApiFactory : SeededApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<IHubContext<PartnerHub>, ThrowingHubContext>()));
    }

    private sealed class ThrowingHubContext : IHubContext<PartnerHub>
    {
        public IHubClients Clients => throw new InvalidOperationException("The SignalR backplane is down.");
        public IGroupManager Groups => throw new InvalidOperationException("The SignalR backplane is down.");
    }
}

/// <summary>
/// Counter pushes run after the commit: when they fail, the request still answers with its result and the change stays
/// committed (issue 13, "Side effects after a commit").
/// </summary>
public sealed class AfterCommitSideEffectTests(BrokenHubApiFactory api) : IClassFixture<BrokenHubApiFactory>
{
    private const string Sponsorships = "/api/v1/partner/sponsorships";

    [Fact]
    public async Task Consent_request_answer_and_revocation_commit_and_answer_200_when_the_push_fails()
    {
        using var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await api.ActiveProgramWithChildrenAsync(partner, 10, $"Broken push {Guid.NewGuid():N}");
        var parentUser = await api.CreateAsync(Roles.Parent);
        var child = await api.WithDbAsync(db => db.SponsoredChildren.Where(c => c.ProgramId == program.Id).OrderBy(c => c.Id).FirstAsync());
        await api.WithDbAsync(async db =>
        {
            db.Guardianships.RemoveRange(db.Guardianships.Where(g => g.StudentId == child.StudentId));
            db.Guardianships.Add(new Guardianship { ParentId = parentUser.Id, StudentId = child.StudentId, Relationship = GuardianRelationship.mother, IsPrimary = true });
            await db.SaveChangesAsync();
        });

        var request = await partner.PostAsync($"{Sponsorships}/consent/request", new { sponsoredChildId = child.Id });
        Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        var consent = await api.WithDbAsync(db => db.SponsorshipConsents.SingleAsync(k => k.SponsoredChildId == child.Id && k.ParentId == parentUser.Id));

        using var parent = await api.LoginAsync(parentUser.Email!, TestUsers.Password);
        var agreed = await parent.PostAsync($"{Sponsorships}/consent/{consent.Id}/respond",
            new { agree = true, signedName = parentUser.FullName, consentTextVersion = ConsentText.Version });
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        Assert.True(await api.WithDbAsync(db => db.SponsorshipConsents.AnyAsync(k => k.Id == consent.Id && k.ConsentGiven == true)));

        var revoked = await parent.PostAsync($"/api/v1/parent/consents/{consent.Id}/revoke", new { reason = "changed my mind" });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.True(await api.WithDbAsync(db => db.SponsorshipConsents.AnyAsync(k => k.Id == consent.Id && k.RevokedAt != null)));
    }

    [Fact]
    public async Task Add_remove_and_import_commit_and_answer_200_when_the_push_fails()
    {
        using var partner = await api.LoginAsync("partner@elimu.demo");
        var program = await api.ProgramWithChildrenAsync(partner, 11, $"Broken push {Guid.NewGuid():N}");
        Assert.Equal(11, program.Children.Enrolled);
        var studentId = await api.WithDbAsync(db => db.SponsoredChildren.Where(c => c.ProgramId == program.Id).Select(c => c.StudentId).FirstAsync());

        var removed = await partner.DeleteAsync($"{Sponsorships}/programs/{program.Id}/children/{studentId}");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.True(await api.WithDbAsync(db => db.SponsoredChildren.AnyAsync(c => c.StudentId == studentId && c.Status == SponsoredChildStatus.REMOVED)));

        var students = await CreateStudentsAsync(api, 3);
        var target = await CreateProgramAsync(partner);
        var imported = await UploadAsync(partner, Commit, "three.csv",
            Csv([Header, .. students.Select(s => Line(null, s.AdmissionNumber, s.School, target.ToString()))]));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(3, await api.WithDbAsync(db => db.SponsoredChildren.CountAsync(c => c.ProgramId == target)));
    }
}
