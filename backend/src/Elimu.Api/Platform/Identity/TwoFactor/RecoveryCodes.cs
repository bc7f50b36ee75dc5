namespace Elimu.Api.Platform.Identity;

/// <summary>The one-time codes that stand in for the authenticator app; Identity makes, stores and redeems them.</summary>
public static class RecoveryCodes
{
    public const int Count = 10;

    /// <summary>
    /// Identity's codes look like <c>XXXXX-XXXXX</c> in capitals: a code typed in lower case, with spaces or without its
    /// dash is the same code. An empty field counts as absent.
    /// </summary>
    public static string? Normalise(string? value)
    {
        var kept = new string((value ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        if (kept.Length == 10 && !kept.Contains('-')) kept = $"{kept[..5]}-{kept[5..]}";
        return kept.Length == 0 ? null : kept;
    }
}
