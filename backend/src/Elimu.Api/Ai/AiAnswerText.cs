namespace Elimu.Api.Ai;

/// <summary>Helpers for tasks that read a provider's text answer.</summary>
public static class AiAnswerText
{
    /// <summary>Models often wrap a JSON answer in a Markdown code fence (```json … ```); the JSON inside is what counts.</summary>
    public static string WithoutCodeFence(string answer)
    {
        var text = answer.Trim();
        if (!text.StartsWith("```", StringComparison.Ordinal)) return text;
        var firstLine = text.IndexOf('\n');
        var end = text.LastIndexOf("```", StringComparison.Ordinal);
        return firstLine < 0 || end <= firstLine ? text : text[(firstLine + 1)..end].Trim();
    }
}
