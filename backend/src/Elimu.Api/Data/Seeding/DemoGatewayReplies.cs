using Elimu.Api.Partners.Finance;

namespace Elimu.Api.Data.Seeding;

/// <summary>
/// References and last replies in each gateway's own shape: an M-Pesa CheckoutRequestID and receipt
/// number, a Stripe PaymentIntent and charge, a PayPal order and capture.
/// </summary>
internal static class DemoGatewayReplies
{
    private const string MixedCase = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static (string Reference, GatewayResponse Response) For(
        DemoWorld world, PaymentGateway gateway, PaymentStatus status, DateTime createdAt, DateTime? paidAt)
    {
        var repliedAt = paidAt ?? createdAt.AddMinutes(status == PaymentStatus.pending ? 0 : 2);
        return gateway switch
        {
            PaymentGateway.mpesa => Mpesa(world, status, createdAt, repliedAt),
            PaymentGateway.stripe => Stripe(world, status, repliedAt),
            PaymentGateway.paypal => PayPal(world, status, repliedAt),
            _ => ($"sbx_{world.Letters(16)}", new GatewayResponse { Code = "ok", Message = "Sandbox payment", ReceivedAt = repliedAt }),
        };
    }

    private static (string, GatewayResponse) Mpesa(DemoWorld world, PaymentStatus status, DateTime createdAt, DateTime at)
    {
        var checkout = $"ws_CO_{createdAt + DemoWorld.NairobiOffset:ddMMyyyyHHmmssfff}{world.Letters(10, "0123456789")}";
        var response = status switch
        {
            PaymentStatus.completed => new GatewayResponse
            {
                Code = "0", Message = "The service request is processed successfully.", GatewayReference = world.Letters(10),
            },
            PaymentStatus.failed => new GatewayResponse { Code = "1037", Message = "DS timeout user cannot be reached" },
            PaymentStatus.refunded => new GatewayResponse
            {
                Code = "0", Message = "Reversal accepted for processing.", GatewayReference = world.Letters(10),
            },
            _ => new GatewayResponse { Code = "0", Message = "Success. Request accepted for processing" },
        };
        return (checkout, response with { ReceivedAt = at });
    }

    private static (string, GatewayResponse) Stripe(DemoWorld world, PaymentStatus status, DateTime at)
    {
        var intent = $"pi_3{world.Letters(23, MixedCase)}";
        var charge = $"ch_3{world.Letters(23, MixedCase)}";
        var response = status switch
        {
            PaymentStatus.completed => new GatewayResponse { Code = "succeeded", Message = "Payment succeeded.", GatewayReference = charge },
            PaymentStatus.failed => new GatewayResponse { Code = "card_declined", Message = "Your card was declined.", GatewayReference = charge },
            PaymentStatus.refunded => new GatewayResponse { Code = "refunded", Message = "Charge refunded.", GatewayReference = charge },
            _ => new GatewayResponse { Code = "processing", Message = "The payment is processing." },
        };
        return (intent, response with { ReceivedAt = at });
    }

    private static (string, GatewayResponse) PayPal(DemoWorld world, PaymentStatus status, DateTime at)
    {
        var order = world.Letters(17, "ABCDEFGHJKLMNPRSTUVWXY0123456789");
        var capture = world.Letters(17, "ABCDEFGHJKLMNPRSTUVWXY0123456789");
        var response = status switch
        {
            PaymentStatus.completed => new GatewayResponse { Code = "COMPLETED", Message = "Capture completed.", GatewayReference = capture },
            PaymentStatus.failed => new GatewayResponse
            {
                Code = "INSTRUMENT_DECLINED",
                Message = "The instrument presented was either declined by the processor or bank, or it can't be used for this payment.",
            },
            PaymentStatus.refunded => new GatewayResponse { Code = "REFUNDED", Message = "Capture refunded in full.", GatewayReference = capture },
            _ => new GatewayResponse { Code = "PAYER_ACTION_REQUIRED", Message = "Waiting for the payer to approve the order." },
        };
        return (order, response with { ReceivedAt = at });
    }
}
