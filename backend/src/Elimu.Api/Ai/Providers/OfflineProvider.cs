using Microsoft.Extensions.AI;

namespace Elimu.Api.Ai.Providers;

/// <summary>The last provider of every chain: the task's own deterministic composition, no network, no key.</summary>
public sealed class OfflineProvider : IAiProvider
{
    public const string ModelName = "elimu-offline-1";

    public string Name => AiRouting.Offline;
    public string Model => ModelName;
    public bool IsConfigured => true;
    public bool IsOffline => true;

    public IChatClient CreateClient(int maxOutputTokens) => new OfflineChatClient();
}

/// <summary>
/// Answers with the text the orchestrator hands it in <see cref="AnswerKey"/> (the task's <c>ComposeOffline()</c>), so
/// Offline goes through the same client interface, usage and parsing as the remote providers.
/// </summary>
public sealed class OfflineChatClient : IChatClient
{
    public const string AnswerKey = "elimu.offlineAnswer";

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var answer = options?.AdditionalProperties?.TryGetValue(AnswerKey, out var value) == true && value is string text
            ? text
            : throw new InvalidOperationException("The offline provider needs the task's offline answer.");
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer))
        {
            ModelId = OfflineProvider.ModelName,
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = 0, OutputTokenCount = 0 },
        });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates()) yield return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() { }
}
