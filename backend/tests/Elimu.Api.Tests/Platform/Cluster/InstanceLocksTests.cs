using System.Net;
using Elimu.Api.Data.Locks;
using Elimu.Api.Partners.Enrollments;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Elimu.Api.Tests.Partners.Enrollments.ImportTestData;

namespace Elimu.Api.Tests.Platform.Cluster;

/// <summary>
/// Two instances of the API on one PostgreSQL database: an import of a partner holds on both, and a background job has
/// one runner, which another instance replaces when it stops.
/// </summary>
public sealed class InstanceLocksTests(SeededApiFactory first) : IClassFixture<SeededApiFactory>
{
    [PostgresFact]
    public async Task An_import_running_on_one_instance_refuses_the_same_partners_import_on_another()
    {
        await using var second = new SecondHostFactory(first);
        var partnerId = await first.WithDbAsync(db => db.Users.Where(u => u.Email == "partner@elimu.demo").Select(u => u.Id).SingleAsync());
        using var partner = await second.LoginAsync("partner@elimu.demo");
        using var otherPartner = await second.LoginAsync("partner2@elimu.demo");
        var file = Csv("student_id,program", $"{Guid.NewGuid()},Lake Region Scholars 2026");

        // An import of the partner under way on the first instance.
        await using (await first.Services.GetRequiredService<IImportLock>().TryEnterAsync(partnerId, CancellationToken.None))
        {
            var refused = await UploadAsync(partner, DryRun, "a.csv", file);
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("import_in_progress", (await refused.JsonAsync()).GetProperty("code").GetString());
            // Another partner's import is not held up.
            Assert.Equal(HttpStatusCode.OK, (await UploadAsync(otherPartner, DryRun, "b.csv", file)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(partner, DryRun, "a.csv", file)).StatusCode);
    }

    [PostgresFact]
    public async Task A_job_has_one_runner_and_another_instance_takes_it_over_when_the_runner_stops()
    {
        const string job = "instance-locks-test";
        var runner = new SecondHostFactory(first);
        await using var other = new SecondHostFactory(first);
        var runnerLeadership = runner.Services.GetRequiredService<JobLeadership>();
        var otherLeadership = other.Services.GetRequiredService<JobLeadership>();

        Assert.True(await runnerLeadership.LeadsAsync(job, CancellationToken.None));
        Assert.True(await runnerLeadership.LeadsAsync(job, CancellationToken.None)); // it keeps the job from tick to tick
        Assert.False(await otherLeadership.LeadsAsync(job, CancellationToken.None));
        Assert.False(await first.Services.GetRequiredService<JobLeadership>().LeadsAsync(job, CancellationToken.None));

        await runner.DisposeAsync(); // the runner's instance stops

        // PostgreSQL frees a session's locks when its backend has processed the closed connection, a moment after the
        // client closed it; the other instance takes the job at one of its next ticks.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var tookOver = false;
        while (!(tookOver = await otherLeadership.LeadsAsync(job, CancellationToken.None)) && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.True(tookOver);
        Assert.False(await first.Services.GetRequiredService<JobLeadership>().LeadsAsync(job, CancellationToken.None));
    }

    [PostgresFact]
    public async Task A_runner_whose_database_connection_broke_loses_the_job_to_another_instance()
    {
        const string job = "instance-locks-broken-connection";
        await using var runner = new SecondHostFactory(first);
        await using var other = new SecondHostFactory(first);
        Assert.True(await runner.Services.GetRequiredService<JobLeadership>().LeadsAsync(job, CancellationToken.None));

        // The server ends the runner's lock connection, as a network cut or a restart of PostgreSQL would.
        var key = PostgresAdvisoryLocks.KeyOf("job:" + job);
        await first.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND ((classid::bigint << 32) | objid::bigint) = {0}", key));

        Assert.True(await other.Services.GetRequiredService<JobLeadership>().LeadsAsync(job, CancellationToken.None));
        Assert.False(await runner.Services.GetRequiredService<JobLeadership>().LeadsAsync(job, CancellationToken.None));
    }
}
