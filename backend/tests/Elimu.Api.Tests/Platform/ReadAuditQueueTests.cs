using Elimu.Api.Common;
using Elimu.Api.Data;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Elimu.Api.Tests.Platform;

/// <summary>
/// Audits of partner reads are written off the request path (docs/adr/0009): the reads answer while the writer is held
/// back, and a normal stop of the host writes every queued entry before it ends, none lost.
/// </summary>
public sealed class ReadAuditQueueTests
{
    private const string Children = "/api/v1/partner/sponsorships/children";

    /// <summary>A second host on the first one's database whose read-audit writes wait until the host begins to stop.</summary>
    private sealed class HeldAuditHost(ElimuApiFactory first) : ElimuApiFactory(first)
    {
        public HoldReadAudits Hold { get; } = new();
        public override Task InitializeAsync() => Task.CompletedTask;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                if (Database.IsPostgres) services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(Hold));
                else services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(Hold));
            });
        }
    }

    /// <summary>Holds every save that writes a read audit until <see cref="Release"/>; counts the saves it held.</summary>
    private sealed class HoldReadAudits : SaveChangesInterceptor
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Held;
        public void Release() => _released.TrySetResult();

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken ct = default)
        {
            if (eventData.Context!.ChangeTracker.Entries<AuditLogEntry>().Any(e => e.State == EntityState.Added && e.Entity.Action.StartsWith("child.read.")))
            {
                Interlocked.Increment(ref Held);
                await _released.Task;
            }
            return result;
        }
    }

    [Fact]
    public async Task Reads_answer_while_the_writer_is_held_and_a_normal_stop_writes_every_queued_audit()
    {
        var first = new SeededApiFactory();
        await first.InitializeAsync();
        try
        {
            var held = new HeldAuditHost(first);
            held.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(held.Hold.Release);
            using var partner = await held.LoginAsync("partner@elimu.demo");
            var partnerId = await first.WithDbAsync(db => db.Users.Where(u => u.Email == "partner@elimu.demo").Select(u => u.Id).SingleAsync());
            Task<int> AuditedReadsAsync() => first.WithDbAsync(db => db.AuditLog.CountAsync(a => a.UserId == partnerId && a.Action.StartsWith("child.read.")));
            var before = await AuditedReadsAsync();

            var list = await partner.GetJsonAsync<Paged<SponsoredChildResponse>>($"{Children}?pageSize=100");
            var consented = list.Items.Where(c => c.ConsentStatus == ChildConsentStatus.given).ToList();
            Assert.NotEmpty(consented);
            const int views = 24;
            string[] tabs = ["progress", "activity", "achievements", "goals"];
            for (var i = 0; i < views; i++)
                await partner.GetJsonAsync<System.Text.Json.JsonElement>($"{Children}/{consented[i % consented.Count].Id}/{tabs[i % tabs.Length]}");

            // Every read has answered, yet none of their audits is written: the writer is held, the requests did not wait.
            Assert.Equal(before, await AuditedReadsAsync());

            await held.DisposeAsync(); // a normal stop: the queue is closed and drained before the host ends

            var written = await first.WithDbAsync(db => db.AuditLog.Include(a => a.Students)
                .Where(a => a.UserId == partnerId && a.Action.StartsWith("child.read.")).ToListAsync());
            Assert.Equal(before + views + 1, written.Count);
            Assert.Equal(views / tabs.Length, written.Count(a => a.Action == "child.read.progress"));
            var listEntry = Assert.Single(written, a => a.Action == "child.read.list");
            Assert.Equal(consented.Select(c => c.StudentId).Order(), listEntry.Students.Select(s => s.StudentId).Order());
        }
        finally
        {
            await first.DisposeAsync();
        }
    }
}
