using System.Net;
using System.Net.Http.Headers;
using Elimu.Api.Partners.Account.Team;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Account;
using SixLabors.ImageSharp;
using static Elimu.Api.Tests.Partners.Profiles.ProfileTestData;

namespace Elimu.Api.Tests.Partners.Profiles;

/// <summary>Issue 16, Account · Profile: every field of partner_profile, edited by owners, with per-field validation.</summary>
public sealed class ProfileApiTests(ElimuApiFactory api) : IClassFixture<ElimuApiFactory>
{
    private async Task<ApiClient> OwnerAsync() => await api.LoginAsync((await api.CreateAsync(Roles.Partner)).Email!, TestUsers.Password);

    [Fact]
    public async Task The_owner_edits_every_field_and_reads_it_back_normalised()
    {
        using var owner = await OwnerAsync();
        var put = await owner.PutAsync(Profile, FullProfile());
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var p = await (await owner.GetAsync(Profile)).JsonAsync();
        Assert.Equal("Mwangaza Learning Trust", p.GetProperty("organizationName").GetString());
        Assert.Equal("NGO", p.GetProperty("organizationType").GetString());
        Assert.Equal("+254712345678", p.GetProperty("contactPhone").GetString());
        Assert.Equal("https://mwangaza.or.ke/", p.GetProperty("website").GetString());
        Assert.Equal("Kisumu", p.GetProperty("address").GetProperty("county").GetString());
        Assert.Equal("40100", p.GetProperty("address").GetProperty("postalCode").GetString());
        Assert.Equal("P051234567X", p.GetProperty("taxId").GetString());
        Assert.True(p.GetProperty("taxExempt").GetBoolean());
        Assert.Equal(["Literacy", "STEM"], p.GetProperty("specializations").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("https://linkedin.com/company/mwangaza", p.GetProperty("socialLinks").GetProperty("linkedIn").GetString());
        Assert.Equal("#B00000", p.GetProperty("brandingConfig").GetProperty("primaryColor").GetString());
        Assert.Equal("Mwangaza Learning Trust, Kisumu", p.GetProperty("brandingConfig").GetProperty("reportFooter").GetString());
        Assert.Equal("verified", p.GetProperty("verificationStatus").GetString());
        Assert.True(p.GetProperty("canEdit").GetBoolean());
        Assert.Empty(p.GetProperty("warnings").EnumerateArray());
        Assert.True(p.GetProperty("onboarding").GetProperty("steps")[0].GetProperty("done").GetBoolean());
    }

    [Fact]
    public async Task Each_wrong_field_gets_its_own_message_and_nothing_is_saved()
    {
        using var owner = await OwnerAsync();
        await owner.PutAsync(Profile, FullProfile());
        var response = await owner.PutAsync(Profile, new
        {
            organizationName = "  ", organizationType = "NGO", contactEmail = "not-an-email", contactPhone = "+1 555 0100",
            website = "javascript:alert(1)", taxId = "12345",
            address = new { county = "Atlantis", postalCode = "ABC", country = "Kenya" },
            socialLinks = new { twitter = "ftp://x.com/a" },
            brandingConfig = new { primaryColor = "red", secondaryColor = "#12345" },
            specializations = new[] { "" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "organizationName", "contactEmail", "contactPhone", "website", "taxId", "address.county", "address.postalCode",
                     "socialLinks.twitter", "brandingConfig.primaryColor", "brandingConfig.secondaryColor", "specializations[0]" })
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");

        var p = await (await owner.GetAsync(Profile)).JsonAsync();
        Assert.Equal("Mwangaza Learning Trust", p.GetProperty("organizationName").GetString());
        Assert.Equal("+254712345678", p.GetProperty("contactPhone").GetString());
    }

    [Fact]
    public async Task An_enum_that_is_not_a_name_is_refused_on_its_field()
    {
        using var owner = await OwnerAsync();
        var response = await owner.PutAsync(Profile, new { organizationName = "X", organizationType = "Charity" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("organizationType", out _));
    }

    [Fact]
    public async Task A_brand_colour_white_text_cannot_be_read_on_is_saved_with_a_warning()
    {
        using var owner = await OwnerAsync();
        var response = await owner.PatchAsync(Profile, new { brandingConfig = new { primaryColor = "#FFD700" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var p = await response.JsonAsync();
        Assert.Equal("#FFD700", p.GetProperty("brandingConfig").GetProperty("primaryColor").GetString());
        var warning = Assert.Single(p.GetProperty("warnings").EnumerateArray());
        Assert.Equal("brandingConfig.primaryColor", warning.GetProperty("field").GetString());
        Assert.Equal("low_contrast", warning.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Patch_changes_the_fields_it_names_and_refuses_ones_it_cannot_change()
    {
        using var owner = await OwnerAsync();
        await owner.PutAsync(Profile, FullProfile());
        var patched = await owner.PatchAsync(Profile, new { tagline = "Reading for all", address = new { city = "Kisumu City" } });
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var p = await patched.JsonAsync();
        Assert.Equal("Reading for all", p.GetProperty("tagline").GetString());
        Assert.Equal("Kisumu City", p.GetProperty("address").GetProperty("city").GetString());
        Assert.Equal("Kisumu", p.GetProperty("address").GetProperty("county").GetString()); // merged, not replaced
        Assert.Equal("+254712345678", p.GetProperty("contactPhone").GetString());

        var sneaky = await owner.PatchAsync(Profile, new { verificationStatus = "verified", partnershipTier = "enterprise" });
        Assert.Equal(HttpStatusCode.BadRequest, sneaky.StatusCode);
        var errors = (await sneaky.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("verificationStatus", out _));
        Assert.True(errors.TryGetProperty("partnershipTier", out _));
        var cleared = await owner.PatchAsync(Profile, new { website = (string?)null });
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await cleared.JsonAsync()).GetProperty("website").ValueKind);
    }

    [Theory]
    [InlineData(TeamRole.viewer)]
    [InlineData(TeamRole.finance)]
    [InlineData(TeamRole.programs)]
    public async Task A_member_who_is_not_an_owner_reads_the_profile_but_cannot_change_it(TeamRole role)
    {
        var owner = await api.CreateAsync(Roles.Partner);
        var member = await api.AddMemberAsync(owner, role);
        using var client = await api.LoginAsync(member.Email!, TestUsers.Password);
        var read = await client.GetAsync(Profile);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.False((await read.JsonAsync()).GetProperty("canEdit").GetBoolean());
        foreach (var response in new[]
                 {
                     await client.PutAsync(Profile, FullProfile("Taken over")),
                     await client.PatchAsync(Profile, new { tagline = "x" }),
                     await client.UploadAsync(Logo, Png(100, 100)),
                     await client.DeleteAsync(Logo),
                     await client.PostAsync(Onboarding, new { action = "dismiss" }),
                 })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("partner_role_forbidden", await response.CodeAsync());
        }
        using var ownerClient = await api.LoginAsync(owner.Email!, TestUsers.Password);
        Assert.NotEqual("Taken over", (await (await ownerClient.GetAsync(Profile)).JsonAsync()).GetProperty("organizationName").GetString());
    }

    [Fact]
    public async Task A_second_partner_reads_and_changes_only_its_own_profile_and_pictures()
    {
        using var first = await OwnerAsync();
        using var second = await OwnerAsync();
        await first.PutAsync(Profile, FullProfile("First Trust"));
        Assert.Equal(HttpStatusCode.OK, (await first.UploadAsync(Logo, Png(120, 120))).StatusCode);
        var firstId = (await (await first.GetAsync(Profile)).JsonAsync()).GetProperty("id").GetGuid();

        var seen = await (await second.GetAsync(Profile)).JsonAsync();
        Assert.NotEqual(firstId, seen.GetProperty("id").GetGuid());
        Assert.NotEqual("First Trust", seen.GetProperty("organizationName").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync(Logo)).StatusCode); // the first's logo is not the second's
        await second.PutAsync(Profile, FullProfile("Second Trust"));
        Assert.Equal(HttpStatusCode.NoContent, (await second.DeleteAsync(Logo)).StatusCode); // deletes its own (none)

        var mine = await (await first.GetAsync(Profile)).JsonAsync();
        Assert.Equal("First Trust", mine.GetProperty("organizationName").GetString());
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(Logo)).StatusCode);
        // No route takes a profile id, so there is nothing to guess: the membership decides whose profile it is.
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync($"{Profile}/{firstId}")).StatusCode);
    }

    [Fact]
    public async Task A_logo_is_re_encoded_without_its_metadata_and_served_with_an_etag()
    {
        using var owner = await OwnerAsync();
        var upload = await owner.UploadAsync(Logo, Jpeg(1200, 900, withExif: true), "logo.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var body = await upload.JsonAsync();
        Assert.Equal("image/jpeg", body.GetProperty("contentType").GetString());
        Assert.Equal(512, body.GetProperty("width").GetInt32()); // shrunk into the logo's 512 × 512 box
        Assert.Equal(384, body.GetProperty("height").GetInt32());
        var url = body.GetProperty("url").GetString()!;
        Assert.StartsWith($"{Logo}?v=", url);

        var served = await owner.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);
        Assert.Contains("private", served.Headers.CacheControl!.ToString());
        var bytes = await served.Content.ReadAsByteArrayAsync();
        using (var image = Image.Load(bytes)) Assert.Null(image.Metadata.ExifProfile);
        Assert.DoesNotContain("Secret Photographer", System.Text.Encoding.Latin1.GetString(bytes));

        var again = new HttpRequestMessage(HttpMethod.Get, Logo);
        again.Headers.IfNoneMatch.Add(served.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await owner.Http.SendAsync(again)).StatusCode);

        var profile = await (await owner.GetAsync(Profile)).JsonAsync();
        Assert.Equal(url, profile.GetProperty("logoUrl").GetString());
        Assert.Equal(url, profile.GetProperty("brandingConfig").GetProperty("logoUrl").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync(Logo)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(Logo)).StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await (await owner.GetAsync(Profile)).JsonAsync()).GetProperty("logoUrl").ValueKind);
    }

    [Fact]
    public async Task A_file_that_is_not_a_picture_is_refused_whatever_its_name_says()
    {
        using var owner = await OwnerAsync();
        var html = "<html><script>alert(1)</script></html>"u8.ToArray();
        var renamed = await owner.UploadAsync(Logo, html, "logo.png", "image/png");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, renamed.StatusCode);
        Assert.Equal("unsupported_image_type", await renamed.CodeAsync());
        Assert.True((await renamed.JsonAsync()).GetProperty("errors").TryGetProperty("file", out _));

        // A PNG signature followed by junk: the header claims a picture, the decoder finds none.
        byte[] fake = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. "not really a png at all"u8];
        var broken = await owner.UploadAsync(Logo, fake);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(Logo)).StatusCode);
    }

    [Fact]
    public async Task Pictures_outside_the_size_and_shape_limits_are_refused()
    {
        using var owner = await OwnerAsync();
        var tiny = await owner.UploadAsync(Logo, Png(20, 20));
        Assert.Equal(HttpStatusCode.BadRequest, tiny.StatusCode);
        Assert.Contains("20 × 20", (await tiny.JsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString());

        var square = await owner.UploadAsync(Banner, Png(800, 800));
        Assert.Equal(HttpStatusCode.BadRequest, square.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.UploadAsync(Banner, Png(1200, 400))).StatusCode);

        var huge = await owner.UploadAsync(Logo, Png(4200, 100));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);

        var tooMany = new byte[ProfileImageLimit + 1];
        Png(100, 100).CopyTo(tooMany, 0);
        var big = await owner.UploadAsync(Logo, tooMany);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync(Logo)).StatusCode);
    }

    private const int ProfileImageLimit = Elimu.Api.Partners.Profiles.ProfileImageRules.MaxBytes;

    [Fact]
    public async Task The_onboarding_checklist_moves_on_when_a_step_is_done_or_skipped_and_can_be_dismissed()
    {
        using var owner = await OwnerAsync();
        var state = (await (await owner.GetAsync(Profile)).JsonAsync()).GetProperty("onboarding");
        Assert.Equal(0, state.GetProperty("step").GetInt32());
        Assert.False(state.GetProperty("completed").GetBoolean());
        Assert.Equal(["organization", "branding", "team", "program"], state.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("key").GetString()));

        var early = await owner.PostAsync(Onboarding, new { action = "complete" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal("onboarding_step_not_done", await early.CodeAsync());

        await owner.PutAsync(Profile, FullProfile());
        var next = await (await owner.PostAsync(Onboarding, new { action = "complete" })).JsonAsync();
        Assert.Equal(1, next.GetProperty("step").GetInt32());
        await owner.UploadAsync(Logo, Png(100, 100));
        Assert.Equal(2, (await (await owner.PostAsync(Onboarding, new { action = "complete" })).JsonAsync()).GetProperty("step").GetInt32());
        var skipped = await (await owner.PostAsync(Onboarding, new { action = "skip" })).JsonAsync();
        Assert.Equal(3, skipped.GetProperty("step").GetInt32());
        Assert.True(skipped.GetProperty("steps")[3].GetProperty("current").GetBoolean());

        var dismissed = await (await owner.PostAsync(Onboarding, new { action = "dismiss" })).JsonAsync();
        Assert.True(dismissed.GetProperty("completed").GetBoolean());
        Assert.Equal("onboarding_completed", await (await owner.PostAsync(Onboarding, new { action = "skip" })).CodeAsync());
        Assert.True((await (await owner.GetAsync(Profile)).JsonAsync()).GetProperty("onboarding").GetProperty("completed").GetBoolean());

        var bad = await owner.PostAsync(Onboarding, new { action = "jump" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
