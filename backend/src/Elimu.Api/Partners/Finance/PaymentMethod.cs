using Elimu.Api.Payments;
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
    /// <summary>M-Pesa: the number a renewal's STK push goes to, as 2547XXXXXXXX (or 2541…); shown only masked.</summary>
    public string? PhoneNumber { get; set; }
    public bool IsDefault { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>
    /// Whether a renewal can charge this method with nobody on the page: its gateway is set up and charges unattended,
    /// and an M-Pesa method has the number its STK push goes to (older rows kept only a masked one).
    /// </summary>
    public static bool RenewsUnattended(PaymentGateway gateway, string? phoneNumber, IEnumerable<IPaymentGateway> gateways) =>
        (gateway != PaymentGateway.mpesa || phoneNumber is not null) && gateways.Any(g => g.Gateway == gateway && g.IsConfigured && g.ChargesUnattended);
}
