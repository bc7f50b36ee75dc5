using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace Elimu.Api.Ai.Providers;

/// <summary>
/// A small <see cref="IChatClient"/> over Gemini's REST <c>models/{model}:generateContent</c>: system messages and
/// <see cref="ChatOptions.Instructions"/> become <c>systemInstruction</c>, the rest <c>contents</c>; <c>usageMetadata</c>
/// becomes <see cref="UsageDetails"/>. Errors (<c>{"error":{code,message,status}}</c>) throw; the HTTP pipeline retries.
/// </summary>
public sealed class GeminiChatClient(HttpClient http, Uri baseUrl, string apiKey, string model, int maxOutputTokens) : IChatClient
{
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        var modelId = options?.ModelId ?? model;
        var system = string.Join("\n\n", new[] { options?.Instructions }
            .Concat(list.Where(m => m.Role == ChatRole.System).Select(m => m.Text))
            .Where(t => !string.IsNullOrWhiteSpace(t)));
        var body = new JsonObject
        {
            ["contents"] = new JsonArray(list.Where(m => m.Role != ChatRole.System).Select(m => (JsonNode)new JsonObject
            {
                ["role"] = m.Role == ChatRole.Assistant ? "model" : "user",
                ["parts"] = new JsonArray(new JsonObject { ["text"] = m.Text }),
            }).ToArray()),
            ["generationConfig"] = new JsonObject
            {
                ["maxOutputTokens"] = options?.MaxOutputTokens ?? maxOutputTokens,
                ["temperature"] = options?.Temperature ?? 0.2f,
            },
        };
        if (system.Length > 0) body["systemInstruction"] = new JsonObject { ["parts"] = new JsonArray(new JsonObject { ["text"] = system }) };

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, $"/v1beta/models/{Uri.EscapeDataString(modelId)}:generateContent"))
        {
            Content = JsonContent.Create(body),
        };
        request.Headers.Add("x-goog-api-key", apiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new AiProviderException($"Gemini answered {(int)response.StatusCode}: {ErrorMessage(text)}", response.StatusCode);
        return Read(text, modelId);
    }

    private static ChatResponse Read(string json, string modelId)
    {
        JsonNode? root;
        try { root = JsonNode.Parse(json); }
        catch (JsonException e) { throw new AiProviderException("Gemini's answer is not JSON.", inner: e); }

        var candidate = root?["candidates"]?.AsArray().FirstOrDefault();
        if (candidate is null)
        {
            var blocked = root?["promptFeedback"]?["blockReason"]?.GetValue<string>();
            throw new AiProviderException(blocked is null ? "Gemini's answer has no candidate." : $"Gemini blocked the prompt ({blocked}).");
        }
        var parts = candidate["content"]?["parts"]?.AsArray() ?? [];
        var text = string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? ""));
        var usage = root?["usageMetadata"];
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = root?["modelVersion"]?.GetValue<string>() ?? modelId,
            FinishReason = candidate["finishReason"]?.GetValue<string>() switch
            {
                "STOP" => ChatFinishReason.Stop,
                "MAX_TOKENS" => ChatFinishReason.Length,
                "SAFETY" or "RECITATION" or "BLOCKLIST" or "PROHIBITED_CONTENT" or "SPII" => ChatFinishReason.ContentFilter,
                null => null,
                var other => new ChatFinishReason(other),
            },
            Usage = usage is null ? null : new UsageDetails
            {
                InputTokenCount = usage["promptTokenCount"]?.GetValue<long>(),
                OutputTokenCount = usage["candidatesTokenCount"]?.GetValue<long>(),
                TotalTokenCount = usage["totalTokenCount"]?.GetValue<long>(),
            },
        };
    }

    private static string ErrorMessage(string body)
    {
        try { return JsonNode.Parse(body)?["error"]?["message"]?.GetValue<string>() ?? Truncate(body); }
        catch (JsonException) { return Truncate(body); }
    }

    private static string Truncate(string s) => s.Length <= 200 ? s : s[..200];

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates()) yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() { }
}
