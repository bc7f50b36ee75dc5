using Elimu.Api.Platform.Identity;
using Elimu.Api.Platform.Students;
using Elimu.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Tests.Platform.Figures;

/// <summary>Entity timestamps come from the injected clock, not the machine's: a test's clock decides every "when".</summary>
public sealed class ClockTimestampTests(ClockedApiFactory api) : IClassFixture<ClockedApiFactory>
{
    [Fact]
    public async Task New_rows_are_stamped_with_the_injected_clock()
    {
        api.SetNairobi(new DateOnly(2026, 4, 2), 9, 30);
        var now = api.Time.GetUtcNow().UtcDateTime;

        // Created through Identity (UserManager) and through the DbContext, neither setting a time itself.
        var user = await api.CreateAsync(Roles.Partner);
        var student = new Student { FirstName = "Clock", LastName = "Test", County = "Nairobi", School = "Clock School", AdmissionNumber = Guid.NewGuid().ToString("N")[..8] };
        await api.WithDbAsync(async db => { db.Students.Add(student); await db.SaveChangesAsync(); });

        var (userCreated, studentCreated) = await api.WithDbAsync(async db => (
            await db.Users.Where(u => u.Id == user.Id).Select(u => u.CreatedAt).SingleAsync(),
            await db.Students.Where(s => s.Id == student.Id).Select(s => s.CreatedAt).SingleAsync()));
        Assert.Equal(now, userCreated, TimeSpan.FromMilliseconds(1));
        Assert.Equal(now, studentCreated, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task A_time_the_code_sets_itself_is_kept()
    {
        var chosen = new DateTime(2025, 1, 15, 8, 0, 0, DateTimeKind.Utc);
        var student = new Student { FirstName = "Set", LastName = "Time", County = "Nairobi", School = "Clock School", AdmissionNumber = Guid.NewGuid().ToString("N")[..8], CreatedAt = chosen };
        await api.WithDbAsync(async db => { db.Students.Add(student); await db.SaveChangesAsync(); });
        Assert.Equal(chosen, await api.WithDbAsync(db => db.Students.Where(s => s.Id == student.Id).Select(s => s.CreatedAt).SingleAsync()));
    }
}
