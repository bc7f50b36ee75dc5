namespace Elimu.Api.Platform.ServiceKeys;

/// <summary><c>./elimu service-key create NAME | rotate ID | revoke ID | list</c>: the admin routes' work from a shell.</summary>
public static class ServiceKeyCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var store = services.GetRequiredService<ServiceKeyStore>();
        switch (args)
        {
            case ["create", .. var name] when name.Length > 0:
                Show(await store.CreateAsync(string.Join(' ', name), null, default));
                return 0;
            case ["rotate", var id] when Guid.TryParse(id, out var key):
                Show(await store.RotateAsync(key, null, default));
                Console.WriteLine("The old key works until you revoke it: ./elimu service-key revoke " + key);
                return 0;
            case ["revoke", var id] when Guid.TryParse(id, out var key):
                var revoked = await store.RevokeAsync(key, null, default);
                Console.WriteLine($"Revoked {revoked.Name} ({revoked.Prefix}…) at {revoked.RevokedAt:u}.");
                return 0;
            case ["list"]:
                foreach (var k in await store.ListAsync(default))
                    Console.WriteLine($"{k.Id}  {k.Prefix}…  {k.Name}  created {k.CreatedAt:u}  last used {k.LastUsedAt?.ToString("u") ?? "never"}  {(k.RevokedAt is null ? "live" : "revoked " + k.RevokedAt.Value.ToString("u"))}");
                return 0;
            default:
                Console.Error.WriteLine("usage: service-key create NAME | rotate ID | revoke ID | list");
                return 2;
        }
    }

    private static void Show(CreatedServiceKey key)
    {
        Console.WriteLine($"Created key {key.Id} for {key.Name}. Store it now; it is not shown again:");
        Console.WriteLine(key.Key);
    }
}
