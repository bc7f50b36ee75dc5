using Elimu.Api.Tests.Infrastructure;

namespace Elimu.Api.Tests.Platform.Hosting;

/// <summary>Hosts that fail to start run alone: WebApplicationFactory finds the host it builds through a process-wide
/// diagnostic listener, and a start that throws while other hosts are being built can pick up their disposal.</summary>
[CollectionDefinition(nameof(StartupValidationTests), DisableParallelization = true)]
public sealed class FailingStartsRunAlone;

/// <summary>A wrong setting stops the start with a message that names it, instead of failing on some later request.</summary>
[Collection(nameof(StartupValidationTests))]
public sealed class StartupValidationTests
{
    private sealed class MisconfiguredFactory(string key, string value) : ElimuApiFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { [key] = value };
    }

    [Theory]
    [InlineData("Elimu:KnownProxies:0", "proxy.internal", "Elimu:KnownProxies has \"proxy.internal\"")]
    [InlineData("Elimu:KnownNetworks:0", "10.0.0.0/99", "Elimu:KnownNetworks has \"10.0.0.0/99\"")]
    [InlineData("RateLimits:LoginPerMinute", "0", "LoginPerMinute")]
    [InlineData("SignIn:FreeFailures", "0", "FreeFailures")]
    [InlineData("SignIn:MaxDelay", "00:00:00.5", "MaxDelay")]
    [InlineData("ConnectionStrings:{provider}", "this is not a connection string", "ConnectionStrings:{provider} cannot be read")]
    public async Task A_bad_setting_stops_the_start_and_is_named(string key, string value, string expected)
    {
        var provider = TestDatabase.PostgresSelected ? "Postgres" : "Sqlite";
        await using var factory = new MisconfiguredFactory(key.Replace("{provider}", provider), value);
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.True(error.ToString().Contains(expected.Replace("{provider}", provider)), error.ToString());
    }
}
