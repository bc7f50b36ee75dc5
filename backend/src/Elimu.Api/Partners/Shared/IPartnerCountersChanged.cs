namespace Elimu.Api.Partners.Shared;

/// <summary>
/// Raised by a section after it committed a change that moves a partner's dashboard counters (consent asked or
/// answered, children added, removed or imported). The Dashboard handles it; the raising section never knows how the
/// counters are computed or pushed, so no section depends on the Dashboard. Handlers never throw: the change is
/// already committed, and a failed push must not turn it into an error.
/// </summary>
public interface IPartnerCountersChanged
{
    Task CountersChangedAsync(Guid partnerId, CancellationToken ct = default);
}
