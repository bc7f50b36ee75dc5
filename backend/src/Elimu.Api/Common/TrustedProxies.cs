using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Common;

/// <summary>
/// Section "Elimu": the reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed. None by default,
/// so a client cannot pose as another IP; behind a proxy, list it so consent records, the audit log and the login
/// rate limit see the real client. Example: Elimu__KnownProxies__0=10.0.0.5, Elimu__KnownNetworks__0=10.0.0.0/24.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Elimu";

    public List<string> KnownProxies { get; set; } = [];
    public List<string> KnownNetworks { get; set; } = [];
}

public static class TrustedProxies
{
    public static IServiceCollection AddElimuTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the listed proxies are trusted (the framework trusts loopback by default; a local process is not a proxy here).
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            // Entries that do not parse stop the start (ProxyOptionsValidator) before any request is served.
            foreach (var ip in proxies.Value.KnownProxies)
                if (IPAddress.TryParse(ip.Trim(), out var address)) forwarded.KnownProxies.Add(address);
            foreach (var network in proxies.Value.KnownNetworks)
                if (System.Net.IPNetwork.TryParse(network.Trim(), out var parsed)) forwarded.KnownIPNetworks.Add(parsed);
            // Walk back through every trusted hop; the first untrusted address is the client.
            forwarded.ForwardLimit = null;
        });
        return services;
    }

    private sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
    {
        public ValidateOptionsResult Validate(string? name, ProxyOptions o)
        {
            var errors = o.KnownProxies.Where(ip => !IPAddress.TryParse(ip.Trim(), out _))
                .Select(ip => $"Elimu:KnownProxies has \"{ip}\", which is not an IP address.")
                .Concat(o.KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n.Trim(), out _))
                    .Select(n => $"Elimu:KnownNetworks has \"{n}\", which is not a network in CIDR form (such as 10.0.0.0/24)."))
                .ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
