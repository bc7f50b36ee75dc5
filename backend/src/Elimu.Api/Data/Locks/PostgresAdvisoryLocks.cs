using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Elimu.Api.Data.Locks;

/// <summary>
/// PostgreSQL session advisory locks, each held on a connection of its own for as long as the lock is held. The server
/// frees a lock when its connection ends, so an instance that dies never leaves a lock behind. Names map to the
/// 64-bit keys PostgreSQL wants through SHA-256, so any name works and two names collide only by astronomic chance.
/// </summary>
public sealed class PostgresAdvisoryLocks(NpgsqlDataSource dataSource) : IDatabaseLocks, IAsyncDisposable
{
    public async ValueTask<IDatabaseLock?> TryAcquireAsync(string name, CancellationToken ct)
    {
        var key = KeyOf(name);
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            await using var take = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = key } } };
            if (await take.ExecuteScalarAsync(ct) is true) return new Held(connection, key);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    public static long KeyOf(string name) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("elimu:" + name)));

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private sealed class Held(NpgsqlConnection connection, long key) : IDatabaseLock
    {
        public async ValueTask<bool> StillHeldAsync(CancellationToken ct)
        {
            try
            {
                await using var ping = new NpgsqlCommand("SELECT 1", connection);
                await ping.ExecuteScalarAsync(ct);
                return true;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                return false; // the connection broke, and the server released the lock with it
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = key } } };
                await release.ExecuteScalarAsync();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The connection is gone, and the lock went with it.
            }
            await connection.DisposeAsync();
        }
    }
}
