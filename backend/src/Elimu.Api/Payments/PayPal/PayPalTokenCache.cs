namespace Elimu.Api.Payments.PayPal;

/// <summary>One OAuth access token shared by every request until shortly before it expires (it lasts hours).</summary>
internal sealed class PayPalTokenCache(TimeProvider clock)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset Until)? _current;

    public async Task<string> GetAsync(Func<CancellationToken, Task<PayPalToken>> fetch, CancellationToken ct)
    {
        if (_current is { } held && clock.GetUtcNow() < held.Until) return held.Token;
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } fresh && clock.GetUtcNow() < fresh.Until) return fresh.Token;
            var token = await fetch(ct);
            _current = (token.AccessToken, clock.GetUtcNow() + TimeSpan.FromSeconds(token.ExpiresIn) - Margin);
            return token.AccessToken;
        }
        finally { _gate.Release(); }
    }

    /// <summary>PayPal refused <paramref name="token"/> (401): forget it, unless another request already replaced it.</summary>
    public void Forget(string token)
    {
        if (_current?.Token == token) _current = null;
    }
}
