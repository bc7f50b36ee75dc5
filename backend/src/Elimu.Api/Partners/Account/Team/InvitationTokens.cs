using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Elimu.Api.Partners.Account.Team;

/// <summary>256 random bits in the link; only their SHA-256 is stored (a long random token needs no slow hash).</summary>
internal static class InvitationTokens
{
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>The SPA page that opens the invitation, on the host the owner is using.</summary>
    public static string LinkFor(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}/invite/{token}";
}
