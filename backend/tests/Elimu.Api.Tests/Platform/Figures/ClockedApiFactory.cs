using Elimu.Api.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Elimu.Api.Tests.Platform.Figures;

/// <summary>The API on a <see cref="FakeTimeProvider"/>: every "now" (queries, timestamps, sign-in cookies) reads this clock.</summary>
public class ClockedApiFactory : ElimuApiFactory
{
    /// <summary>Wednesday 11 March 2026, 12:00 in Nairobi; tests move it.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 11, 12, 0, 0, TimeSpan.FromHours(3)));

    protected override TimeProvider? Clock => Time;

    /// <summary>Sets the clock to a Nairobi wall-clock time (EAT, UTC+3).</summary>
    public void SetNairobi(DateOnly day, int hour, int minute) =>
        Time.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(3)));
}
