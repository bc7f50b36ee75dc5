using System.Security.Claims;
using Elimu.Api.Data;
using Elimu.Api.Partners.Profiles;
using Elimu.Api.Partners.Shared;
using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Audit;
using Elimu.Api.Platform.Notifications;

namespace Elimu.Api.Partners.Consent;

/// <summary>POST /consent/request for one child, called from Sponsorships (a substitute accepted): the same rules and records.</summary>
public sealed class ConsentRequests(AppDbContext db, PartnerNames names, ProgramStore store, EnrolmentReader enrolments, ConsentReader reader,
    ConsentExpiry expiry, AuditTrail audit, Notifier notifier, IPartnerCountersChanged counters, TimeProvider clock) : IConsentRequests
{
    public async Task<int> RequestForChildAsync(ClaimsPrincipal user, Guid sponsoredChildId, CancellationToken ct) =>
        (await RequestConsent.Handle(new ConsentRequestBody(sponsoredChildId, null), user, db, names, store, enrolments, reader, expiry, audit,
            notifier, counters, clock, ct)).Value!.Requested;
}
