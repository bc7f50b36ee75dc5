using Elimu.Api.Common;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Sponsorships;

namespace Elimu.Api.Partners.ChildData;

/// <summary>
/// The privacy gate in front of every child view: another partner's child is "not found"; a child the partner may not
/// see is 403 (consent_required, or program_not_active when the guardians agreed but the program is not approved and
/// running). The child and the gate's answer come in one query; every permitted read is recorded (<see cref="ConsentReader"/>)
/// and written once per request, off the request path. A consented child of a program whose monitoring is suspended for
/// unpaid billing (<see cref="BillingStanding"/>, Finance's own answer) is 403 billing_suspended, with what to pay.
/// </summary>
public sealed class ChildAccess(SponsoredChildReader children, ConsentReader consent, BillingStanding billing)
{
    /// <summary>The partner's child and its consent status; a <c>given</c> one is recorded as read in <paramref name="view"/>.</summary>
    public async Task<(SponsoredChildDetails Child, ChildConsentStatus Status)> OwnedAsync(Guid partnerId, Guid sponsoredChildId, string view,
        CancellationToken ct)
    {
        var (child, status, _) = await FindAsync(partnerId, sponsoredChildId, view, shownWhenSuspended: true, ct);
        return (child, status);
    }

    public async Task<SponsoredChildDetails> VisibleAsync(Guid partnerId, Guid sponsoredChildId, string view, CancellationToken ct)
    {
        var (child, status, inSuspendedProgram) = await FindAsync(partnerId, sponsoredChildId, view, shownWhenSuspended: false, ct);
        if (status == ChildConsentStatus.given)
        {
            // What to pay is read only for a suspended program: the gate's one query already said whether it is.
            if (inSuspendedProgram && await billing.SuspensionAsync(partnerId, child.ProgramId, ct) is { } suspended)
                throw Suspended(child.ProgramName, suspended);
            return child;
        }
        var error = status == ChildConsentStatus.program_not_active
            ? DomainException.Forbidden("program_not_active",
                $"This program is {child.ProgramStatus}; children's data is shown only while a program is approved and running.")
            : DomainException.Forbidden("consent_required",
                "A parent or guardian has not given consent (or has withdrawn it), so this child's learning data is hidden.");
        error.Extensions["consentStatus"] = status.ToString();
        throw error;
    }

    private async Task<(SponsoredChildDetails Child, ChildConsentStatus Status, bool InSuspendedProgram)> FindAsync(Guid partnerId,
        Guid sponsoredChildId, string view, bool shownWhenSuspended, CancellationToken ct)
    {
        var (child, visible, inSuspendedProgram) = await children.FindAsync(partnerId, sponsoredChildId, consent.VisibleChildIds(partnerId),
            billing.SuspendedProgramIds(partnerId), ct) ?? throw DomainException.NotFound("Sponsored child");
        if (visible)
        {
            // A view refused for billing shows nothing, so it is not recorded as read.
            if (shownWhenSuspended || !inSuspendedProgram) consent.RecordShown(partnerId, view, child.Id, child.StudentId);
            return (child, ChildConsentStatus.given, inSuspendedProgram);
        }
        // Why it is hidden (two more queries, only for a hidden child).
        return (child, (await consent.StatusesAsync(partnerId, [child.Id], view, ct))[child.Id], inSuspendedProgram);
    }

    /// <summary>403 billing_suspended: the consent stands, monitoring is off until the invoice is paid; says what to pay.</summary>
    public static DomainException Suspended(string programName, BillingSuspension s)
    {
        var pay = s.InvoiceNumber is { } number && s.AmountDue is { } amount
            ? $"Pay invoice {number} ({Kes.Format(new Money(amount, s.Currency))}) to restore it."
            : "Pay the subscription's open invoice to restore it.";
        var error = DomainException.Forbidden("billing_suspended",
            $"Monitoring of {programName} is suspended because its subscription is unpaid. {pay} The children stay enrolled and their consents stay valid.");
        error.Extensions["programId"] = s.ProgramId;
        error.Extensions["subscriptionId"] = s.SubscriptionId;
        error.Extensions["invoiceNumber"] = s.InvoiceNumber;
        error.Extensions["amountDue"] = s.AmountDue;
        error.Extensions["currency"] = s.Currency;
        error.Extensions["suspendedSince"] = s.SuspendedSince;
        return error;
    }
}
