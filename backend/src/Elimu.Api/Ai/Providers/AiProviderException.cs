using System.Net;

namespace Elimu.Api.Ai.Providers;

/// <summary>A provider answered, but not with something usable (an error status, a blocked prompt, malformed JSON).</summary>
public sealed class AiProviderException(string message, HttpStatusCode? status = null, Exception? inner = null) : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;
}
