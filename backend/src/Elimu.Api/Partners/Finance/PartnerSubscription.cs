using Elimu.Api.Partners.Sponsorships;
using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Finance;

public class PartnerSubscription
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public AppUser? Partner { get; set; }
    public Guid ProgramId { get; set; }
    public BillingPeriod BillingPeriod { get; set; }
    public decimal AmountPerChild { get; set; }
    public int TotalChildren { get; set; }
    public decimal TotalAmount { get; set; }
    public string Currency { get; set; } = "KES";
    public SubscriptionStatus Status { get; set; } = SubscriptionStatus.ACTIVE;
    public DateTime CurrentPeriodStart { get; set; }
    public DateTime CurrentPeriodEnd { get; set; }
    public DateTime? NextBillingDate { get; set; }
    public Guid? PaymentMethodId { get; set; }
    public PaymentMethod? PaymentMethod { get; set; }
    public bool AutoRenew { get; set; } = true;
    /// <summary>The day monthly and annual periods count from (the first period's first day).</summary>
    public DateOnly AnchorDate { get; set; }
    /// <summary>A change of billing period the partner asked for: it takes effect when the next period begins.</summary>
    public BillingPeriod? PendingBillingPeriod { get; set; }
    public DateTime? CancelledAt { get; set; }
    /// <summary>When the subscription went past due (a failed renewal payment, or an invoice unpaid past its due date);
    /// null while it is in good standing. The retries and the grace window count from it (<see cref="Dunning.DunningOptions"/>).</summary>
    public DateTime? PastDueSince { get; set; }
    /// <summary>How many of the dunning retries (after 1, 3 and 7 days by default) have been made since <see cref="PastDueSince"/>.</summary>
    public int DunningRetries { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
