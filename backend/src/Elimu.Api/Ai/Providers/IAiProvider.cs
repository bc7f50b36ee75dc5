using Microsoft.Extensions.AI;

namespace Elimu.Api.Ai.Providers;

/// <summary>One entry of a routing chain: a named chat client with its model, usable only when configured (a key).</summary>
public interface IAiProvider
{
    /// <summary>The name in the routing table and in <c>ai_calls.provider</c> (lower case there).</summary>
    string Name { get; }
    string Model { get; }
    bool IsConfigured { get; }
    bool IsOffline => false;

    /// <summary>A client for one call; its HTTP pipeline (retries, breaker) is the provider's, shared by every call.</summary>
    IChatClient CreateClient(int maxOutputTokens);
}
