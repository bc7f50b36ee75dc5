using Elimu.Api.Partners.Support.Training;
using Elimu.Api.Tests.Infrastructure;

namespace Elimu.Api.Tests.Partners.Support;

internal static class TrainingTestData
{
    public const string Training = "/api/v1/partner/support/training";

    public static string Seat(Guid webinar) => $"{Training}/webinars/{webinar}/registration";

    /// <summary>A webinar starting <paramref name="startsIn"/> from now (negative: already held), as Elimu's staff would schedule it.</summary>
    public static async Task<Guid> WebinarAsync(this ElimuApiFactory api, TimeSpan startsIn, int? capacity = null, string? recording = null)
    {
        var starts = DateTime.UtcNow + startsIn;
        var webinar = new TrainingWebinar
        {
            Title = $"Webinar {Guid.NewGuid():N}"[..20], Description = "A test webinar.", HostName = "Test host", StartsAt = starts,
            EndsAt = starts.AddMinutes(60), JoinUrl = "https://meet.example/join", RecordingUrl = recording, Capacity = capacity,
        };
        await api.WithDbAsync(db => { db.TrainingWebinars.Add(webinar); return db.SaveChangesAsync(); });
        return webinar.Id;
    }
}
