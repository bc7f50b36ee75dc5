using Elimu.Api.Partners.Sponsorships;

namespace Elimu.Api.Partners.Finance;

public sealed record CreateSubscriptionRequest(Guid? ProgramId, BillingPeriod? BillingPeriod, bool? AutoRenew, Guid? PaymentMethodId);

/// <summary>A change of period takes effect when the next period begins; auto-renew and the payment method at once.</summary>
public sealed record UpdateSubscriptionRequest(BillingPeriod? BillingPeriod, bool? AutoRenew, Guid? PaymentMethodId);

/// <param name="TotalChildren">Children with active consent on the current period's first day (or now, before it begins).</param>
/// <param name="TotalAmount">TotalChildren × AmountPerChild: derived, never typed in.</param>
/// <param name="PendingBillingPeriod">The period the partner switched to; it applies from <paramref name="NextBillingDate"/>.</param>
/// <param name="CustomPricing">True when the price comes from the partner's custom pricing, not the program's.</param>
/// <param name="Standing">Past due: since when, the grace window's end and what to pay; null in good standing.</param>
public sealed record SubscriptionItem(
    Guid Id, Guid ProgramId, string ProgramName, SubscriptionStatus Status, BillingPeriod BillingPeriod,
    BillingPeriod? PendingBillingPeriod, decimal AmountPerChild, int TotalChildren, decimal TotalAmount, string Currency,
    bool CustomPricing, DateOnly CurrentPeriodStart, DateOnly CurrentPeriodEnd, DateOnly? NextBillingDate, bool AutoRenew,
    Guid? PaymentMethodId, DateTime? CancelledAt, DateTime CreatedAt, PastDueStanding? Standing = null);

/// <summary>A past-due subscription: what to pay, and when monitoring of its program stops (or since when it has).</summary>
/// <param name="GraceEndsAt">When monitoring is suspended unless paid (PastDueSince + Billing:Dunning:GraceDays).</param>
/// <param name="GraceDaysLeft">Whole days left before <paramref name="GraceEndsAt"/> (0 once suspended), for the countdown.</param>
/// <param name="MonitoringSuspended">True once the grace window has passed: the program's child views answer 403 billing_suspended.</param>
/// <param name="InvoiceId">The oldest unpaid invoice: paying it (POST /payments) restores access at once.</param>
public sealed record PastDueStanding(DateTime PastDueSince, DateTime GraceEndsAt, int GraceDaysLeft, bool MonitoringSuspended,
    Guid? InvoiceId, string? InvoiceNumber, decimal? AmountDue, string Currency);
