namespace Elimu.Api.Partners.Finance;

/// <summary>A custom price as an admin sets it. Without <paramref name="ProgramId"/> it covers all the partner's programs.</summary>
/// <param name="ValidTo">The last day it applies (inclusive); null while it runs on.</param>
public sealed record SavePricingRequest(Guid? ProgramId, decimal? PricePerChild, string? Currency, string? Notes, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>Ends a custom price: its last day is <paramref name="ValidTo"/> (today by default).</summary>
public sealed record EndPricingRequest(DateOnly? ValidTo);

/// <param name="State">upcoming, current or ended, as of today in Nairobi.</param>
public sealed record PricingItem(Guid Id, Guid PartnerId, Guid? ProgramId, string? ProgramName, decimal PricePerChild, string Currency,
    string? Notes, DateOnly ValidFrom, DateOnly? ValidTo, string State, DateTime CreatedAt);

/// <summary>What the partner pays per child for a program today: its custom price, or the program's own.</summary>
/// <param name="CustomUntil">The custom price's last day, if it has one.</param>
public sealed record EffectivePrice(Guid ProgramId, string ProgramName, decimal PricePerChild, string Currency, bool Custom, string? Notes,
    DateOnly? CustomUntil);

/// <summary>GET /partner/finance/pricing: today's price per program, and the custom prices agreed for later.</summary>
public sealed record PartnerPricingView(IReadOnlyList<EffectivePrice> Programs, IReadOnlyList<PricingItem> Agreements);

/// <summary>The admin's view of one partner's pricing: its custom prices, and its programs to price (with their list price).</summary>
public sealed record AdminPricingView(IReadOnlyList<PricingItem> Prices, IReadOnlyList<PricedProgram> Programs);

public sealed record PricedProgram(Guid Id, string Name, string Status, decimal PricePerChild, string Currency);
