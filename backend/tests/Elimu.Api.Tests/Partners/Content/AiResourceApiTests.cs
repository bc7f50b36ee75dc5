using System.Net;
using System.Text.Json;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Elimu.Api.Partners.Content;
using Elimu.Api.Partners.Content.Generation;
using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Learning;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Elimu.Api.Tests.Partners.Account;
using Microsoft.EntityFrameworkCore;
using static Elimu.Api.Tests.Partners.Support.SupportTestKit;

namespace Elimu.Api.Tests.Partners.Content;

/// <summary>
/// Issue 18, content generation over HTTP: a CBC lesson from a prompt, grade and learning area, saved as the partner's
/// draft with the provider, model and time that made it; edited under the lesson's schema; submitted for review; and
/// never visible to another partner.
/// </summary>
public sealed class AiResourceApiTests(TeamApiFactory api) : IClassFixture<TeamApiFactory>
{
    private const string Generate = "/api/v1/partner/content/ai-generate";
    private const string Resources = "/api/v1/partner/content/ai-resources";

    private async Task<(AppUser User, ApiClient Client)> PartnerAsync()
    {
        var user = await api.CreateAsync(Roles.Partner);
        return (user, await api.LoginAsync(user.Email!, TestUsers.Password));
    }

    private static Task<JsonElement> GenerateAsync(ApiClient partner, string prompt = "Fractions: halves and quarters using fruit",
        string grade = "Grade4", string learningArea = "MATH", string? resourceType = null) =>
        partner.PostAsync(Generate, new { prompt, grade, learningArea, resourceType }).OkJsonAsync(HttpStatusCode.Created);

    [Fact]
    public async Task A_generated_lesson_has_every_CBC_part_names_its_provider_and_is_saved_as_the_partners_draft()
    {
        var (user, partner) = await PartnerAsync();

        var draft = await GenerateAsync(partner);

        Assert.Equal("draft", draft.Str("status"));
        Assert.Equal("lesson", draft.Str("resourceType"));
        Assert.Equal(("Grade4", "MATH", "Mathematics"), (draft.Str("grade"), draft.Str("learningArea"), draft.Str("learningAreaName")));
        Assert.Equal("offline", draft.Str("provider"));
        Assert.False(string.IsNullOrEmpty(draft.Str("model")));
        Assert.True(draft.GetProperty("generatedAt").GetDateTime() > DateTime.UnixEpoch);
        var lesson = draft.GetProperty("lesson");
        Assert.Contains("fractions", lesson.Str("title"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Grade 4", lesson.Str("title"));
        Assert.EndsWith("?", lesson.Str("keyInquiryQuestion"));
        Assert.InRange(lesson.GetProperty("learningOutcomes").GetArrayLength(), 1, LessonRules.MaxOutcomes);
        var activities = lesson.GetProperty("activities").EnumerateArray().ToList();
        Assert.True(activities.Count >= 3);
        Assert.All(activities, a => Assert.True(a.GetProperty("durationMinutes").GetInt32() > 0 && a.GetProperty("steps").GetArrayLength() > 0));
        Assert.Equal(activities.Sum(a => a.GetProperty("durationMinutes").GetInt32()), draft.GetProperty("totalMinutes").GetInt32());
        Assert.Equal(["EE", "ME", "AE", "BE"], lesson.GetProperty("rubric").EnumerateArray().Select(r => r.Str("level")));
        Assert.NotEmpty(lesson.GetProperty("resourcesNeeded").EnumerateArray());
        Assert.NotEmpty(lesson.GetProperty("coreCompetencies").EnumerateArray());

        var stored = await api.WithDbAsync(db => db.PartnerResources.AsNoTracking().SingleAsync(r => r.Id == draft.IdOf()));
        Assert.Equal((user.Id, ResourceStatus.draft, "offline", CbcGrade.Grade4, "MATH"),
            (stored.PartnerId, stored.Status, stored.AiProvider, stored.Grade, stored.LearningArea));
        Assert.Equal(lesson.Str("title"), stored.Title);
        Assert.Equal("Fractions: halves and quarters using fruit", stored.Prompt);

        var listed = await partner.GetJsonAsync<JsonElement>(Resources);
        Assert.Equal([draft.IdOf()], listed.GetProperty("items").EnumerateArray().Select(i => i.IdOf()));
        Assert.Equal(lesson.Str("title"), (await partner.GetJsonAsync<JsonElement>($"{Resources}/{draft.IdOf()}")).GetProperty("lesson").Str("title"));
    }

    [Fact]
    public async Task The_offline_lesson_is_the_same_for_the_same_request_and_suits_the_learning_area()
    {
        var (_, partner) = await PartnerAsync();

        var first = (await GenerateAsync(partner, "Water cycle", "Grade6", "SCI")).GetProperty("lesson");
        var again = (await GenerateAsync(partner, "Water cycle", "Grade6", "SCI")).GetProperty("lesson");
        var kiswahili = (await GenerateAsync(partner, "Methali za Kiswahili", "Grade6", "KIS")).GetProperty("lesson");
        var preschool = await GenerateAsync(partner, "Counting to ten", "PP1", "MATH");

        Assert.Equal(first.GetRawText(), again.GetRawText());
        Assert.NotEqual(first.GetProperty("resourcesNeeded").GetRawText(), kiswahili.GetProperty("resourcesNeeded").GetRawText());
        Assert.Contains("Kiswahili", kiswahili.Str("keyInquiryQuestion"));
        Assert.True(preschool.GetProperty("totalMinutes").GetInt32() < 40, "a pre-primary lesson is short");
    }

    [Fact]
    public async Task Bad_requests_are_400s_on_their_fields_and_save_nothing()
    {
        var (user, partner) = await PartnerAsync();
        async Task<JsonElement> Refused(object body)
        {
            var response = await partner.PostAsync(Generate, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.JsonAsync()).GetProperty("errors");
        }

        var errors = await Refused(new { prompt = " ", learningArea = "ASTROLOGY" });
        Assert.True(errors.TryGetProperty("prompt", out _));
        Assert.True(errors.TryGetProperty("grade", out _));
        Assert.True(errors.TryGetProperty("learningArea", out _));
        Assert.True((await Refused(new { prompt = new string('x', ContentLimits.PromptLength + 1), grade = "Grade4", learningArea = "MATH" }))
            .TryGetProperty("prompt", out _));
        // Agriculture is not taught in pre-primary; a video is not something the generator writes.
        Assert.True((await Refused(new { prompt = "Planting beans", grade = "PP1", learningArea = "AGR" })).TryGetProperty("learningArea", out _));
        Assert.True((await Refused(new { prompt = "Planting beans", grade = "Grade5", learningArea = "AGR", resourceType = "video" }))
            .TryGetProperty("resourceType", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await partner.PostAsync(Generate, new { prompt = "Fractions", grade = "Grade99", learningArea = "MATH" })).StatusCode);

        Assert.Equal(0, await api.WithDbAsync(db => db.PartnerResources.CountAsync(r => r.PartnerId == user.Id)));
    }

    [Fact]
    public async Task A_draft_is_edited_under_the_lessons_schema_then_submitted_and_no_longer_editable()
    {
        var (_, partner) = await PartnerAsync();
        var draft = await GenerateAsync(partner, "Caring for chickens", "Grade5", "AGR");
        var url = $"{Resources}/{draft.IdOf()}";

        var lesson = JsonNode.Parse(draft.GetProperty("lesson").GetRawText())!.AsObject();
        lesson["title"] = "Caring for our school chickens";
        lesson["learningOutcomes"]!.AsArray().Add("Keep a simple record of eggs laid each day.");
        var edited = await partner.PutAsync(url, new { lesson }).OkJsonAsync();
        Assert.Equal("Caring for our school chickens", edited.Str("title"));
        Assert.Equal(5, edited.GetProperty("lesson").GetProperty("learningOutcomes").GetArrayLength());
        Assert.NotEqual(JsonValueKind.Null, edited.GetProperty("editedAt").ValueKind);
        Assert.Equal("offline", edited.Str("provider"));

        // Three rubric levels, an empty step, an activity of 0 minutes: each a 400 on its own field, nothing changed.
        var broken = JsonNode.Parse(lesson.ToJsonString())!.AsObject();
        broken["rubric"]!.AsArray().RemoveAt(3);
        broken["activities"]![1]!["steps"]![0] = " ";
        broken["activities"]![2]!["durationMinutes"] = 0;
        var response = await partner.PutAsync(url, new { lesson = broken });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("lesson.rubric", out _));
        Assert.True(errors.TryGetProperty("lesson.activities[1].steps[0]", out _));
        Assert.True(errors.TryGetProperty("lesson.activities[2].durationMinutes", out _));
        Assert.Equal("Caring for our school chickens", (await partner.GetJsonAsync<JsonElement>(url)).Str("title"));

        var submitted = await partner.PostAsync($"{url}/submit").OkJsonAsync();
        Assert.Equal("pending_review", submitted.Str("status"));
        Assert.Equal(HttpStatusCode.Conflict, (await partner.PutAsync(url, new { lesson })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await partner.PostAsync($"{url}/submit")).StatusCode);
    }

    [Fact]
    public async Task Another_partner_cannot_see_edit_or_submit_a_partners_draft()
    {
        var (_, owner) = await PartnerAsync();
        var (_, other) = await PartnerAsync();
        var draft = await GenerateAsync(owner);
        var url = $"{Resources}/{draft.IdOf()}";

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsync(url, new { lesson = draft.GetProperty("lesson") })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"{url}/submit")).StatusCode);
        Assert.Equal(0, (await other.GetJsonAsync<JsonElement>(Resources)).GetProperty("total").GetInt32());
        Assert.Equal("draft", (await owner.GetJsonAsync<JsonElement>(url)).Str("status"));
    }

    [Fact]
    public async Task The_options_list_the_grades_and_the_learning_areas_each_is_taught_in()
    {
        var (_, partner) = await PartnerAsync();
        var options = await partner.GetJsonAsync<JsonElement>($"{Resources}/options");
        Assert.Equal(Enum.GetNames<CbcGrade>(), options.GetProperty("grades").EnumerateArray().Select(g => g.Str("value")));
        var agriculture = options.GetProperty("learningAreas").EnumerateArray().Single(a => a.Str("code") == "AGR");
        Assert.DoesNotContain("PP1", agriculture.GetProperty("grades").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(CbcLearningAreas.All.Count, options.GetProperty("learningAreas").GetArrayLength());
    }
}

/// <summary>New AI work is limited per partner: the whole team shares the limit, another partner is not slowed by it.</summary>
public sealed class AiGenerationLimitTests(AiGenerationLimitTests.TwoPerMinute api) : IClassFixture<AiGenerationLimitTests.TwoPerMinute>
{
    public sealed class TwoPerMinute : TeamApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:AiGenerationsPerMinute"] = "2" };
    }

    private static Task<HttpResponseMessage> GenerateAsync(ApiClient partner, int n) => partner.PostAsync("/api/v1/partner/content/ai-generate",
        new { prompt = $"Counting in tens, lesson {n}", grade = "Grade3", learningArea = "MATH" });

    [Fact]
    public async Task A_partner_past_its_generations_per_minute_gets_429_and_another_partner_does_not()
    {
        var first = await api.CreateAsync(Roles.Partner);
        var second = await api.CreateAsync(Roles.Partner);
        var partner = await api.LoginAsync(first.Email!, TestUsers.Password);
        var other = await api.LoginAsync(second.Email!, TestUsers.Password);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await GenerateAsync(partner, i)).StatusCode);
        var refused = await GenerateAsync(partner, 4);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("rate_limited", (await refused.Content.ReadFromJsonAsync<JsonElement>()).Str("code"));
        Assert.Equal(HttpStatusCode.Created, (await GenerateAsync(other, 0)).StatusCode);
    }
}
