using System.Net;
using Elimu.Api.Common;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Tests.Partners.Consent;

/// <summary>
/// The consent text in English and Kiswahili: the guardian reads and signs in the language they choose, and the record
/// keeps which one (signed_language) with the hash of the words in it, shown to the partner and written to the audit.
/// </summary>
public sealed class ConsentLanguageTests(SeededApiFactory api) : IClassFixture<SeededApiFactory>
{
    private const string Sponsorships = "/api/v1/partner/sponsorships";

    /// <summary>A pending request from partner2's new program to a new parent, the child's only guardian.</summary>
    private async Task<(ApiClient Partner, ApiClient Parent, Guid ProgramId, Guid ChildId, string ParentName, ParentConsentResponse Pending)> AskedAsync()
    {
        var partner = await api.LoginAsync("partner2@elimu.demo");
        var program = await api.ActiveProgramWithChildrenAsync(partner, 10, $"Lugha {Guid.NewGuid():N}");
        var parentUser = await api.CreateAsync(Roles.Parent);
        var child = (await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Sponsorships}/children?programId={program.Id}")).Items[0];
        await api.WithDbAsync(async db =>
        {
            db.Guardianships.RemoveRange(db.Guardianships.Where(g => g.StudentId == child.StudentId));
            db.Guardianships.Add(new Guardianship { ParentId = parentUser.Id, StudentId = child.StudentId, Relationship = GuardianRelationship.father, IsPrimary = true });
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"{Sponsorships}/consent/request", new { sponsoredChildId = child.Id })).StatusCode);
        var parent = await api.LoginAsync(parentUser.Email!, TestUsers.Password);
        var pending = (await parent.GetJsonAsync<Paged<ParentConsentResponse>>("/api/v1/parent/consents?status=pending")).Items.Single();
        return (partner, parent, program.Id, child.Id, parentUser.FullName, pending);
    }

    [Fact]
    public async Task A_consent_signed_in_Kiswahili_keeps_sw_and_the_hash_of_the_Kiswahili_text_for_the_partner_and_the_audit()
    {
        var (partner, parent, programId, childId, parentName, pending) = await AskedAsync();
        Assert.Equal(Language.en, pending.ConsentTextLanguage);
        Assert.Equal([Language.en, Language.sw], pending.ConsentTextLanguages);

        var inSwahili = await parent.GetJsonAsync<ParentConsentResponse>($"/api/v1/parent/consents/{pending.Id}?language=sw");
        Assert.Equal(Language.sw, inSwahili.ConsentTextLanguage);
        Assert.StartsWith($"Mimi, {parentName}, ni mzazi au mlezi wa", inSwahili.ConsentText);
        Assert.Contains("Ninaweza kuondoa idhini hii wakati wowote", inSwahili.ConsentText);
        Assert.Equal(ConsentTextKiswahili.WhatThePartnerSees, inSwahili.WhatPartnerSees);
        Assert.Null(inSwahili.SignedLanguage);

        var signed = await parent.PostAsync($"{Sponsorships}/consent/{pending.Id}/respond",
            new { agree = true, signedName = parentName, consentTextVersion = inSwahili.ConsentTextVersion, language = "sw" });
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var record = (await signed.Content.ReadFromJsonAsyncWeb<ParentConsentResponse>())!;
        Assert.Equal(ConsentStatus.given, record.Status);
        Assert.Equal(Language.sw, record.SignedLanguage);
        Assert.Equal(ConsentText.Sha256(inSwahili.ConsentText), record.SignedTextSha256);

        var (row, audit) = await api.WithDbAsync(async db => (
            await db.SponsorshipConsents.SingleAsync(c => c.Id == pending.Id),
            await db.AuditLog.SingleAsync(a => a.EntityId == pending.Id.ToString() && a.Action == "consent.give")));
        Assert.Equal(Language.sw, row.SignedLanguage);
        Assert.Equal(inSwahili.ConsentText, row.ConsentTextSw);
        Assert.Equal(pending.ConsentText, row.ConsentText);
        Assert.Equal(ConsentText.Sha256(row.ConsentTextSw!), row.SignedTextSha256);
        Assert.NotEqual(ConsentText.Sha256(row.ConsentText), row.SignedTextSha256);
        Assert.Contains("language sw", audit.Details);
        Assert.Contains(row.SignedTextSha256!, audit.Details);

        // The record shows the words signed, whichever language the page is read in; the explanations follow the page.
        var readInEnglish = await parent.GetJsonAsync<ParentConsentResponse>($"/api/v1/parent/consents/{pending.Id}?language=en");
        Assert.Equal(Language.sw, readInEnglish.ConsentTextLanguage);
        Assert.Equal(inSwahili.ConsentText, readInEnglish.ConsentText);
        Assert.Equal(ConsentText.WhatThePartnerSees, readInEnglish.WhatPartnerSees);

        var status = await partner.GetJsonAsync<Paged<ChildConsentResponse>>($"{Sponsorships}/consent/status?programId={programId}&pageSize=100");
        Assert.Equal([Language.sw], status.Items.Single(c => c.SponsoredChildId == childId).SignedLanguages);
    }

    [Fact]
    public async Task An_answer_without_a_language_is_the_English_text_as_before()
    {
        var (_, parent, _, _, parentName, pending) = await AskedAsync();
        var declined = await parent.PostAsync($"{Sponsorships}/consent/{pending.Id}/respond",
            new { agree = false, consentTextVersion = pending.ConsentTextVersion });
        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        var row = await api.WithDbAsync(db => db.SponsorshipConsents.SingleAsync(c => c.Id == pending.Id));
        Assert.Equal(Language.en, row.SignedLanguage);
        Assert.Equal(ConsentText.Sha256(row.ConsentText), row.SignedTextSha256);
        Assert.Contains($"I, {parentName}", row.ConsentText);
    }

    [Fact]
    public async Task A_request_sent_before_the_Kiswahili_text_is_read_and_signed_in_English_only()
    {
        var (_, parent, _, _, parentName, pending) = await AskedAsync();
        await api.WithDbAsync(db => db.SponsorshipConsents.Where(c => c.Id == pending.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsentTextSw, (string?)null)));

        var asked = await parent.GetJsonAsync<ParentConsentResponse>($"/api/v1/parent/consents/{pending.Id}?language=sw");
        Assert.Equal(Language.en, asked.ConsentTextLanguage);
        Assert.Equal([Language.en], asked.ConsentTextLanguages);
        Assert.Equal(pending.ConsentText, asked.ConsentText);

        var refused = await parent.PostAsync($"{Sponsorships}/consent/{pending.Id}/respond",
            new { agree = true, signedName = parentName, consentTextVersion = pending.ConsentTextVersion, language = "sw" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("language", out _));
        Assert.Null((await api.WithDbAsync(db => db.SponsorshipConsents.SingleAsync(c => c.Id == pending.Id))).ConsentGiven);

        var signed = await parent.PostAsync($"{Sponsorships}/consent/{pending.Id}/respond",
            new { agree = true, signedName = parentName, consentTextVersion = pending.ConsentTextVersion, language = "en" });
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("1")]
    public async Task An_unknown_language_in_the_answer_is_a_400_and_signs_nothing(string language)
    {
        var (_, parent, _, _, parentName, pending) = await AskedAsync();
        var refused = await parent.PostAsync($"{Sponsorships}/consent/{pending.Id}/respond",
            new { agree = true, signedName = parentName, consentTextVersion = pending.ConsentTextVersion, language });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Null((await api.WithDbAsync(db => db.SponsorshipConsents.SingleAsync(c => c.Id == pending.Id))).ConsentGiven);
    }

    [Fact]
    public async Task The_partners_preview_shows_the_Kiswahili_text_guardians_may_read()
    {
        var (partner, _, programId, _, _, _) = await AskedAsync();
        var preview = await partner.GetJsonAsync<ConsentRequestPreview>($"{Sponsorships}/consent/request/preview?programId={programId}");
        Assert.Contains(PreviewConsentRequest.GuardianPlaceholderSw, preview.SampleTextSw);
        Assert.Contains("Mwangaza Telecom Foundation inafadhili", preview.SampleTextSw);
    }
}
