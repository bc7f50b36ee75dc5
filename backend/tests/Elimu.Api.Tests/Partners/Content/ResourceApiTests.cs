using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Elimu.Api.Partners.Content;
using Elimu.Api.Partners.Profiles;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using static Elimu.Api.Tests.Partners.Content.ResourceFiles;
using static Elimu.Api.Tests.Partners.Support.SupportTestKit;

namespace Elimu.Api.Tests.Partners.Content;

/// <summary>
/// Issue 19, resource contributions over HTTP: a file's kind is read from its bytes (never its name or declared type),
/// the size is bounded while streaming, the partner's file name is only metadata, another partner sees nothing, and an
/// admin's approval or rejection (with a reason the partner reads) is audited and notified.
/// </summary>
public sealed class ResourceApiTests(ResourceApiFactory api) : IClassFixture<ResourceApiFactory>
{
    private async Task<(AppUser User, ApiClient Client)> PartnerAsync()
    {
        var user = await api.CreateAsync(Roles.Partner);
        return (user, await api.LoginAsync(user.Email!, TestUsers.Password));
    }

    private async Task<ApiClient> AdminAsync() => await api.LoginAsync((await api.CreateAsync(Roles.Admin)).Email!, TestUsers.Password);

    private static Task<HttpResponseMessage> UploadAsync(ApiClient client, byte[] bytes, string name, string declared = "application/octet-stream",
        params (string, string)[] fields) => client.Http.PostAsync(Resources, Form(bytes, name, declared, fields));

    private static async Task<JsonElement> UploadedAsync(ApiClient client, byte[] bytes, string name, params (string, string)[] fields) =>
        await UploadAsync(client, bytes, name, "application/octet-stream", fields).OkJsonAsync(HttpStatusCode.Created);

    public static TheoryData<string, string, string> Kinds => new()
    {
        { "pdf", "application/pdf", "document" },
        { "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "document" },
        { "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", "material" },
        { "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "material" },
        { "mp4", "video/mp4", "video" },
        { "mp3", "audio/mpeg", "material" },
        { "png", "image/png", "material" },
        { "jpg", "image/jpeg", "material" },
    };

    private static byte[] BytesOf(string kind) => kind switch
    {
        "pdf" => Pdf(), "docx" => Docx(), "pptx" => Pptx(), "xlsx" => Xlsx(), "mp4" => Mp4(), "mp3" => Mp3(), "png" => Png, "jpg" => Jpeg(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Each_accepted_kind_is_known_by_its_bytes_whatever_its_name_and_declared_type_and_waits_for_review(string kind, string mime, string type)
    {
        var (user, partner) = await PartnerAsync();
        var bytes = BytesOf(kind);

        // Named and declared as something else: neither is consulted.
        var created = await UploadAsync(partner, bytes, "lesson.bin", "text/plain", ("title", $"A {kind} resource"))
            .OkJsonAsync(HttpStatusCode.Created);

        Assert.Equal((kind, mime, type, "pending_review"), (created.Str("format"), created.Str("mimeType"), created.Str("resourceType"), created.Str("status")));
        Assert.Equal(("lesson.bin", (long)bytes.Length), (created.Str("originalFileName"), created.GetProperty("fileSize").GetInt64()));
        var row = await api.WithDbAsync(db => db.PartnerResources.AsNoTracking().SingleAsync(r => r.Id == created.IdOf()));
        Assert.Equal(user.Id, row.PartnerId);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), row.Sha256);
        Assert.EndsWith("." + kind, row.StoredFileName);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(api.UploadsRoot, "resources", row.StoredFileName!)));

        var download = await partner.GetAsync($"{Resources}/{created.IdOf()}/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(mime, download.Content.Headers.ContentType?.MediaType);
        // The partner's name, with the extension of what the file is.
        Assert.Equal($"lesson.{kind}", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_renamed_program_an_unknown_file_and_a_zip_that_is_not_an_office_file_are_refused_and_nothing_is_kept()
    {
        var (user, partner) = await PartnerAsync();

        var exe = await UploadAsync(partner, Exe(), "worksheet.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, exe.StatusCode);
        var problem = await exe.JsonAsync();
        Assert.Equal("unsupported_file_type", problem.Str("code"));
        Assert.Contains("is a program", problem.GetProperty("errors").GetProperty("file")[0].GetString());

        var text = await UploadAsync(partner, "name,grade\nAmina,4\n"u8.ToArray(), "notes.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Contains("not a file type Elimu accepts", (await text.JsonAsync()).Str("detail"));

        var zip = await UploadAsync(partner, Zip("readme.txt", "photos/a.xml"), "slides.pptx");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, zip.StatusCode);
        Assert.Contains("zip archive", (await zip.JsonAsync()).Str("detail"));

        var package = await UploadAsync(partner, Zip("[Content_Types].xml", "visio/document.xml"), "plan.docx");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, package.StatusCode);

        var macros = await UploadAsync(partner, Zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"), "letter.docx");
        Assert.Contains("macros", (await macros.JsonAsync()).Str("detail"));

        Assert.Equal(0, await api.WithDbAsync(db => db.PartnerResources.CountAsync(r => r.PartnerId == user.Id)));
        Assert.DoesNotContain(api.StoredFiles(), f => f.EndsWith(".part"));
    }

    [Fact]
    public async Task A_file_one_byte_over_50_MB_is_refused_with_413_while_it_streams_and_nothing_is_kept()
    {
        var (user, partner) = await PartnerAsync();
        var before = api.StoredFiles().Length;
        var big = new byte[50 * 1024 * 1024 + 1];
        "%PDF-1.7\n"u8.CopyTo(big);

        var response = await UploadAsync(partner, big, "big.pdf", "application/pdf");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("payload_too_large", problem.Str("code"));
        Assert.Contains("50 MB", problem.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(0, await api.WithDbAsync(db => db.PartnerResources.CountAsync(r => r.PartnerId == user.Id)));
        Assert.Equal(before, api.StoredFiles().Length);
    }

    [Fact]
    public async Task A_body_declared_far_over_the_limit_is_refused_before_it_is_read()
    {
        var (_, partner) = await PartnerAsync();
        var form = Form(Pdf(), "a.pdf");
        await form.LoadIntoBufferAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, Resources) { Content = form };
        // A body that says it is 200 MB: refused on its Content-Length alone.
        request.Content.Headers.ContentLength = 200L * 1024 * 1024;
        var response = await partner.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_path_traversal_name_is_kept_as_text_and_the_file_is_stored_under_a_generated_name_inside_the_uploads_root()
    {
        var (_, partner) = await PartnerAsync();

        var created = await UploadedAsync(partner, Pdf(), "../../etc/passwd");

        Assert.Equal("passwd", created.Str("originalFileName"));
        Assert.Equal("passwd", created.Str("title"));
        var row = await api.WithDbAsync(db => db.PartnerResources.AsNoTracking().SingleAsync(r => r.Id == created.IdOf()));
        Assert.Matches("^[0-9a-f]{32}\\.pdf$", row.StoredFileName);
        var stored = Path.GetFullPath(Path.Combine(api.UploadsRoot, "resources", row.StoredFileName!));
        Assert.StartsWith(Path.GetFullPath(api.UploadsRoot) + Path.DirectorySeparatorChar, stored);
        Assert.True(File.Exists(stored));
        Assert.DoesNotContain(api.StoredFiles(), f => f.Contains("passwd"));
        var download = await partner.GetAsync($"{Resources}/{created.IdOf()}/file");
        Assert.Equal("passwd.pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task Another_partner_gets_404_on_get_download_update_and_delete_and_never_lists_it()
    {
        var (_, owner) = await PartnerAsync();
        var (_, other) = await PartnerAsync();
        var id = (await UploadedAsync(owner, Pdf(), "mine.pdf")).IdOf();

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{Resources}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{Resources}/{id}/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsync($"{Resources}/{id}", new { title = "Taken" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"{Resources}/{id}")).StatusCode);
        Assert.Equal(0, (await other.GetJsonAsync<JsonElement>(Resources)).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"{Resources}/{id}")).StatusCode);
        Assert.Equal("mine", (await owner.GetJsonAsync<JsonElement>($"{Resources}/{id}")).Str("title"));
    }

    [Fact]
    public async Task Another_partners_program_cannot_be_a_target_and_own_programs_are_named()
    {
        var (_, owner) = await PartnerAsync();
        var (_, other) = await PartnerAsync();
        var own = await owner.CreateProgramAsync("Coast Readers");
        var theirs = await other.CreateProgramAsync("Lake Writers");

        var refused = await UploadAsync(owner, Pdf(), "a.pdf", "application/pdf", ("targetPrograms", theirs.Id.ToString()));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("targetPrograms", out _));

        var created = await UploadedAsync(owner, Pdf(), "a.pdf", ("targetPrograms", own.Id.ToString()));
        Assert.Equal(["Coast Readers"], created.GetProperty("targetPrograms").EnumerateArray().Select(p => p.Str("name")));
        var moved = await owner.PutAsync($"{Resources}/{created.IdOf()}", new { targetPrograms = new[] { theirs.Id } });
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
    }

    [Fact]
    public async Task The_list_holds_uploads_and_generated_drafts_filters_and_pages()
    {
        var (_, partner) = await PartnerAsync();
        var program = await partner.CreateProgramAsync("Filter cohort");
        var video = await UploadedAsync(partner, Mp4(), "river.mp4", ("title", "River safety video"), ("targetPrograms", program.Id.ToString()));
        await UploadedAsync(partner, Pdf(), "fractions.pdf", ("title", "Fractions worksheet"), ("description", "Halves and quarters"));
        var draft = await partner.PostAsync("/api/v1/partner/content/ai-generate", new { prompt = "Photosynthesis for beginners", grade = "Grade6", learningArea = "SCI" })
            .OkJsonAsync(HttpStatusCode.Created);

        var all = await partner.GetJsonAsync<JsonElement>($"{Resources}?pageSize=2");
        Assert.Equal((3, 2), (all.GetProperty("total").GetInt32(), all.GetProperty("items").GetArrayLength()));
        var drafts = await partner.GetJsonAsync<JsonElement>($"{Resources}?status=draft");
        var listedDraft = Assert.Single(drafts.GetProperty("items").EnumerateArray());
        Assert.Equal(draft.IdOf(), listedDraft.IdOf());
        Assert.True(listedDraft.GetProperty("aiGenerated").GetBoolean());
        Assert.Equal(JsonValueKind.Null, listedDraft.GetProperty("fileUrl").ValueKind);
        Assert.Equal([video.IdOf()], (await partner.GetJsonAsync<JsonElement>($"{Resources}?type=video")).GetProperty("items").EnumerateArray().Select(i => i.IdOf()));
        Assert.Equal([video.IdOf()], (await partner.GetJsonAsync<JsonElement>($"{Resources}?programId={program.Id}")).GetProperty("items").EnumerateArray().Select(i => i.IdOf()));
        Assert.Equal(["Fractions worksheet"], (await partner.GetJsonAsync<JsonElement>($"{Resources}?search=QUARTERS")).GetProperty("items").EnumerateArray().Select(i => i.Str("title")));
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.GetAsync($"{Resources}?status=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"{Resources}/{draft.IdOf()}/file")).StatusCode);
    }

    [Fact]
    public async Task Each_download_counts_once_in_usage_count_but_previews_and_later_ranges_do_not()
    {
        var (_, partner) = await PartnerAsync();
        var id = (await UploadedAsync(partner, Mp4(), "clip.mp4")).IdOf();
        var file = $"{Resources}/{id}/file";

        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync(file)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync(file)).StatusCode);
        var preview = await partner.GetAsync($"{file}?inline=true");
        Assert.Equal("inline", preview.Content.Headers.ContentDisposition?.DispositionType);
        using var range = new HttpRequestMessage(HttpMethod.Get, file) { Headers = { Range = new RangeHeaderValue(10, null) } };
        Assert.Equal(HttpStatusCode.PartialContent, (await partner.Http.SendAsync(range)).StatusCode);

        Assert.Equal(2, (await partner.GetJsonAsync<JsonElement>($"{Resources}/{id}")).GetProperty("usageCount").GetInt32());
    }

    [Fact]
    public async Task An_admin_approves_or_rejects_with_a_reason_the_partner_reads_each_decision_audited_and_notified()
    {
        var (user, partner) = await PartnerAsync();
        var admin = await AdminAsync();
        var first = (await UploadedAsync(partner, Pdf(), "first.pdf", ("title", "First worksheet"))).IdOf();
        var second = (await UploadedAsync(partner, Png, "chart.png", ("title", "Rain chart"))).IdOf();

        var queue = await admin.GetJsonAsync<JsonElement>($"{Review}?status=pending_review&partnerId={user.Id}");
        Assert.Equal([first, second], queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("resource").IdOf()));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"{Review}/{first}/file")).StatusCode);

        var approved = await admin.PostAsync($"{Review}/{first}/approve").OkJsonAsync();
        Assert.Equal("approved", approved.GetProperty("resource").Str("status"));
        var noReason = await admin.PostAsync($"{Review}/{second}/reject", new { reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        await admin.PostAsync($"{Review}/{second}/reject", new { reason = "The chart has no axis labels." }).OkJsonAsync();

        var rejected = await partner.GetJsonAsync<JsonElement>($"{Resources}/{second}");
        Assert.Equal(("rejected", "The chart has no axis labels."), (rejected.Str("status"), rejected.Str("rejectionReason")));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"{Review}/{first}/reject", new { reason = "Late" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await partner.DeleteAsync($"{Resources}/{first}")).StatusCode);

        var audits = await api.WithDbAsync(db => db.AuditLog.AsNoTracking().Where(a => a.EntityType == "partner_resource" && a.PartnerId == user.Id)
            .Select(a => new { a.Action, a.EntityId, a.Details }).ToListAsync());
        Assert.Contains(audits, a => a.Action == "resource.approve" && a.EntityId == first.ToString());
        Assert.Contains(audits, a => a.Action == "resource.reject" && a.EntityId == second.ToString() && a.Details == "The chart has no axis labels.");
        var notes = await api.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.UserId == user.Id).Select(n => new { n.Title, n.Body }).ToListAsync());
        Assert.Contains(notes, n => n.Title == "\"First worksheet\" is approved");
        Assert.Contains(notes, n => n.Title == "\"Rain chart\" needs changes" && n.Body == "The chart has no axis labels.");

        // Changing a rejected resource sends it back to the queue, without the old reason.
        var resubmitted = await partner.PutAsync($"{Resources}/{second}", new { title = "Rain chart (labelled)" }).OkJsonAsync();
        Assert.Equal("pending_review", resubmitted.Str("status"));
        Assert.Equal(JsonValueKind.Null, resubmitted.GetProperty("rejectionReason").ValueKind);
    }

    [Fact]
    public async Task Only_admins_review_partners_and_staff_get_403()
    {
        var (_, partner) = await PartnerAsync();
        var staff = await api.LoginAsync((await api.CreateAsync(Roles.Staff)).Email!, TestUsers.Password);
        var id = (await UploadedAsync(partner, Pdf(), "a.pdf")).IdOf();

        foreach (var client in new[] { partner, staff })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Review)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"{Review}/{id}/approve")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"{Review}/{id}/reject", new { reason = "no" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Review}/{id}/file")).StatusCode);
        }
        Assert.Equal("pending_review", (await partner.GetJsonAsync<JsonElement>($"{Resources}/{id}")).Str("status"));
    }

    [Fact]
    public async Task Two_reviewers_deciding_at_once_get_one_decision_and_one_409()
    {
        var (user, partner) = await PartnerAsync();
        var first = await AdminAsync();
        var second = await AdminAsync();
        var id = (await UploadedAsync(partner, Pdf(), "race.pdf")).IdOf();

        var answers = await Task.WhenAll(first.PostAsync($"{Review}/{id}/approve"), second.PostAsync($"{Review}/{id}/reject", new { reason = "Blurred" }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var decisions = await api.WithDbAsync(db => db.AuditLog.CountAsync(a => a.EntityId == id.ToString() && (a.Action == "resource.approve" || a.Action == "resource.reject")));
        Assert.Equal(1, decisions);
        Assert.Equal(1, await api.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == user.Id)));
    }

    [Fact]
    public async Task Branding_stamps_the_partners_logo_on_every_page_of_a_PDF_and_is_refused_for_other_files_or_without_a_logo()
    {
        var (user, partner) = await PartnerAsync();
        var original = Pdf(pages: 2);
        using (var plain = PdfDocument.Open(original)) Assert.All(plain.GetPages(), p => Assert.Empty(p.GetImages()));

        var noLogo = await UploadAsync(partner, original, "a.pdf", "application/pdf", ("brandingApplied", "true"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noLogo.StatusCode);
        Assert.Contains("logo", (await noLogo.JsonAsync()).GetProperty("errors").GetProperty("brandingApplied")[0].GetString());

        await api.WithDbAsync(async db =>
        {
            var profile = await db.PartnerProfiles.SingleAsync(p => p.UserId == user.Id);
            db.PartnerProfileImages.Add(new PartnerProfileImage
            {
                PartnerProfileId = profile.Id, Kind = ProfileImageKind.logo, ContentType = "image/png", Content = Png, Width = 1, Height = 1,
                ETag = "logo", UploadedBy = user.Id, UploadedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        var image = await UploadAsync(partner, Png, "logo.png", "image/png", ("brandingApplied", "true"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, image.StatusCode);

        var branded = await UploadedAsync(partner, original, "worksheet.pdf", ("brandingApplied", "true"));

        Assert.True(branded.GetProperty("brandingApplied").GetBoolean());
        var bytes = await (await partner.GetAsync($"{Resources}/{branded.IdOf()}/file")).Content.ReadAsByteArrayAsync();
        Assert.Equal(branded.GetProperty("fileSize").GetInt64(), bytes.Length);
        using var stamped = PdfDocument.Open(bytes);
        Assert.Equal(2, stamped.NumberOfPages);
        Assert.All(stamped.GetPages(), p =>
        {
            var logo = Assert.Single(p.GetImages());
            Assert.True(logo.BoundingBox.Top > p.Height - 60, "the logo sits at the top of the page");
            Assert.Contains("Test", p.Text);
        });
        var row = await api.WithDbAsync(db => db.PartnerResources.AsNoTracking().SingleAsync(r => r.Id == branded.IdOf()));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), row.Sha256);
    }
}
