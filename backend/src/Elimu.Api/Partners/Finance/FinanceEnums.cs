namespace Elimu.Api.Partners.Finance;

// Enum member names are the plan's spelling, used on the wire and in the database (docs/adr/0003).
public enum SubscriptionStatus { ACTIVE, PAST_DUE, CANCELLED, EXPIRED }

public enum PaymentStatus { pending, completed, failed, refunded }

/// <summary>The plan's three gateways, plus the embedded sandbox (DESIGN.md §1).</summary>
public enum PaymentGateway { mpesa, stripe, paypal, sandbox }
