using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Finance;

/// <summary>
/// A price agreed with one partner (a discount for a large NGO, a county rate...), overriding the program's price per
/// child while it is valid. With <see cref="ProgramId"/> it applies to that program only; without, to all the
/// partner's programs. A program's own row wins over a partner-wide one; among rows of the same kind the latest start wins.
/// </summary>
public class PartnerPricing
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public AppUser? Partner { get; set; }
    public Guid? ProgramId { get; set; }
    public decimal PricePerChild { get; set; }
    public string Currency { get; set; } = "KES";
    /// <summary>Why this price (the agreement, who approved it).</summary>
    public string? Notes { get; set; }
    public DateOnly ValidFrom { get; set; }
    /// <summary>The last day it applies (inclusive); null while it runs on.</summary>
    public DateOnly? ValidTo { get; set; }
    public DateTime CreatedAt { get; set; }
}
