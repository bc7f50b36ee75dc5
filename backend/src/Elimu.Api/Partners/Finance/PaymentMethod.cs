using Elimu.Api.Platform.Identity;

namespace Elimu.Api.Partners.Finance;

/// <summary>A saved way for a partner to pay: an M-Pesa number, a card or a PayPal account.</summary>
public class PaymentMethod
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PartnerId { get; set; }
    public AppUser? Partner { get; set; }
    public PaymentGateway Gateway { get; set; }
    public string Label { get; set; } = "";
    /// <summary>What is safe to show: last four card digits, a masked phone, an email.</summary>
    public string? MaskedDetail { get; set; }
    public bool IsDefault { get; set; }
    public DateTime CreatedAt { get; set; }
}
