using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using Elimu.Api.Tests.Payments;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Elimu.Api.Tests.Ai;

/// <summary>How a fake provider answers its next request.</summary>
public sealed record FakeReply(int Status, string? Text = null, string? ErrorType = null, int? RetryAfterSeconds = null, bool Hang = false, bool Malformed = false,
    int DelayMs = 0)
{
    /// <summary>A successful answer that takes its time (a model writing), well within every task's timeout.</summary>
    public static FakeReply Slow(int delayMs) => new(200, DelayMs: delayMs);
    public static FakeReply Ok(string text) => new(200, text);
    public static FakeReply Error(int status, string type, int? retryAfterSeconds = null) => new(status, ErrorType: type, RetryAfterSeconds: retryAfterSeconds);
    public static FakeReply Hanging => new(200, Hang: true);
    public static FakeReply MalformedJson => new(200, Malformed: true);
}

/// <summary>What a fake provider received: the raw body, the system prompt and user messages it found, and when.</summary>
public sealed record FakeRequest(string Body, string System, IReadOnlyList<string> UserTexts, string Model, long At);

/// <summary>
/// A model provider played on 127.0.0.1: answers <see cref="Replies"/> in order, then <see cref="Answer"/> (by default a
/// fixed text), in the provider's own format; records every request and checks it as the provider documents it.
/// </summary>
public abstract class FakeAiServer : FakeProviderServer
{
    public ConcurrentQueue<FakeReply> Replies { get; } = new();
    public ConcurrentQueue<FakeRequest> Requests { get; } = new();
    /// <summary>The text of a successful answer, from what was asked (a fake model "obeying" its input, for injection tests).</summary>
    public Func<FakeRequest, string> Answer { get; set; } = _ => "A narrative from the fake model.";

    public void Reset()
    {
        Replies.Clear();
        Requests.Clear();
        Violations.Clear();
        Answer = _ => "A narrative from the fake model.";
    }

    protected async Task<IResult> ReplyAsync(FakeRequest request, HttpContext http, Func<FakeRequest, string, JsonObject> success, Func<int, string, JsonObject> error)
    {
        Requests.Enqueue(request);
        var reply = Replies.TryDequeue(out var next) ? next : FakeReply.Ok(Answer(request));
        if (reply.Hang)
        {
            try { await Task.Delay(TimeSpan.FromSeconds(60), http.RequestAborted); } catch (OperationCanceledException) { }
            return Results.Empty;
        }
        if (reply.DelayMs > 0) await Task.Delay(reply.DelayMs, http.RequestAborted);
        if (reply.Malformed) return Results.Text("{\"id\": \"msg_1\", \"content\": [ {\"type\": \"te", "application/json", statusCode: 200);
        if (reply.Status != 200)
        {
            if (reply.RetryAfterSeconds is { } seconds) http.Response.Headers["retry-after"] = seconds.ToString();
            return Results.Json(error(reply.Status, reply.ErrorType ?? "api_error"), statusCode: reply.Status);
        }
        return Results.Json(success(request, reply.Text ?? Answer(request)));
    }

    protected static long Now() => Stopwatch.GetTimestamp();
}

/// <summary>Anthropic's Messages API: <c>POST /v1/messages</c> with <c>x-api-key</c>, <c>anthropic-version</c>, JSON body.</summary>
public sealed class FakeAnthropic : FakeAiServer
{
    public const string ApiKey = "sk-ant-test-elimu";
    public const int InputTokens = 120, OutputTokens = 45;

    public static async Task<FakeAnthropic> StartNewAsync()
    {
        var fake = new FakeAnthropic();
        await fake.StartAsync();
        return fake;
    }

    protected override void Map(Microsoft.AspNetCore.Builder.WebApplication app) =>
        app.MapPost("/v1/messages", async (HttpContext http) =>
        {
            var raw = await BodyAsync(http.Request);
            var body = JsonNode.Parse(raw)!.AsObject();
            Expect(Header(http.Request, "x-api-key") == ApiKey, $"anthropic: x-api-key '{Header(http.Request, "x-api-key")}' " + string.Join("; ", http.Request.Headers.Select(h => h.Key + "=" + h.Value)));
            Expect(Header(http.Request, "anthropic-version") == "2023-06-01", $"anthropic: anthropic-version '{Header(http.Request, "anthropic-version")}'");
            Expect(http.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true, $"anthropic: content type {http.Request.ContentType}");
            Expect(body["model"]?.GetValue<string>() is { Length: > 0 }, "anthropic: no model");
            Expect(body["max_tokens"]?.GetValue<int>() > 0, "anthropic: no max_tokens");
            var system = body["system"] switch
            {
                JsonValue v => v.GetValue<string>(),
                JsonArray blocks => string.Concat(blocks.Select(b => b?["type"]?.GetValue<string>() == "text" ? b["text"]!.GetValue<string>() : "")),
                _ => "",
            };
            var messages = body["messages"]?.AsArray() ?? [];
            Expect(messages.Count > 0 && messages.All(m => m?["role"]?.GetValue<string>() is "user" or "assistant"), "anthropic: messages need user/assistant roles");
            var userTexts = messages.Where(m => m?["role"]?.GetValue<string>() == "user").Select(m => m!["content"] switch
            {
                JsonValue v => v.GetValue<string>(),
                JsonArray blocks => string.Concat(blocks.Select(b => b?["text"]?.GetValue<string>() ?? "")),
                _ => "",
            }).ToList();
            var request = new FakeRequest(raw, system, userTexts, body["model"]?.GetValue<string>() ?? "", Now());
            return await ReplyAsync(request, http,
                (req, text) => new JsonObject
                {
                    ["id"] = $"msg_{Guid.NewGuid():N}", ["type"] = "message", ["role"] = "assistant", ["model"] = req.Model,
                    ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
                    ["stop_reason"] = "end_turn", ["stop_sequence"] = null,
                    ["usage"] = new JsonObject { ["input_tokens"] = InputTokens, ["output_tokens"] = OutputTokens },
                },
                (status, type) => new JsonObject
                {
                    ["type"] = "error", ["error"] = new JsonObject { ["type"] = type, ["message"] = $"fake {type}" }, ["request_id"] = "req_fake",
                });
        });
}

/// <summary>Gemini's <c>POST /v1beta/models/{model}:generateContent</c> with <c>x-goog-api-key</c>.</summary>
public sealed class FakeGemini : FakeAiServer
{
    public const string ApiKey = "gemini-test-elimu";
    public const int PromptTokens = 80, CandidateTokens = 30;

    public static async Task<FakeGemini> StartNewAsync()
    {
        var fake = new FakeGemini();
        await fake.StartAsync();
        return fake;
    }

    protected override void Map(Microsoft.AspNetCore.Builder.WebApplication app) =>
        // A catch-all: the ':' of ":generateContent" is not a route-template character.
        app.MapPost("/v1beta/models/{**rest}", async (HttpContext http, string rest) =>
        {
            var raw = await BodyAsync(http.Request);
            var body = JsonNode.Parse(raw)!.AsObject();
            Expect(rest.EndsWith(":generateContent", StringComparison.Ordinal), $"gemini: path {rest}");
            Expect(Header(http.Request, "x-goog-api-key") == ApiKey, $"gemini: x-goog-api-key '{Header(http.Request, "x-goog-api-key")}'");
            Expect(http.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true, $"gemini: content type {http.Request.ContentType}");
            var contents = body["contents"]?.AsArray() ?? [];
            Expect(contents.Count > 0 && contents.All(c => c?["role"]?.GetValue<string>() is "user" or "model"), "gemini: contents need user/model roles");
            Expect(body["generationConfig"]?["maxOutputTokens"]?.GetValue<int>() > 0, "gemini: no generationConfig.maxOutputTokens");
            var system = string.Concat((body["systemInstruction"]?["parts"]?.AsArray() ?? []).Select(p => p?["text"]?.GetValue<string>() ?? ""));
            var userTexts = contents.Where(c => c?["role"]?.GetValue<string>() == "user")
                .Select(c => string.Concat((c!["parts"]?.AsArray() ?? []).Select(p => p?["text"]?.GetValue<string>() ?? ""))).ToList();
            var model = rest.Split(':')[0];
            var request = new FakeRequest(raw, system, userTexts, model, Now());
            return await ReplyAsync(request, http,
                (req, text) => new JsonObject
                {
                    ["candidates"] = new JsonArray(new JsonObject
                    {
                        ["content"] = new JsonObject { ["role"] = "model", ["parts"] = new JsonArray(new JsonObject { ["text"] = text }) },
                        ["finishReason"] = "STOP", ["index"] = 0,
                    }),
                    ["usageMetadata"] = new JsonObject
                    {
                        ["promptTokenCount"] = PromptTokens, ["candidatesTokenCount"] = CandidateTokens, ["totalTokenCount"] = PromptTokens + CandidateTokens,
                    },
                    ["modelVersion"] = req.Model,
                },
                (status, type) => new JsonObject
                {
                    ["error"] = new JsonObject { ["code"] = status, ["message"] = $"fake {type}", ["status"] = type },
                });
        });
}
