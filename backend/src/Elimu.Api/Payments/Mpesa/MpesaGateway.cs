using Elimu.Api.Common;
using Elimu.Api.Partners.Finance;
using Microsoft.Extensions.Options;

namespace Elimu.Api.Payments.Mpesa;

/// <summary>
/// Lipa na M-Pesa Online (STK Push) through Daraja: the payer gets a PIN prompt on the phone, Safaricom posts the
/// outcome to our callback (<see cref="MpesaCallback"/>), and an STK query tells where a payment stands.
/// </summary>
internal sealed class MpesaGateway(DarajaClient daraja, IOptions<MpesaOptions> options, TimeProvider clock) : IPaymentGateway
{
    private const string StillProcessing = "being processed";
    /// <summary>"The transaction is still under processing" in some query answers (unsure: seen in the field, not in the docs).</summary>
    private const string StillUnderProcessingCode = "4999";

    public PaymentGateway Gateway => PaymentGateway.mpesa;
    public bool IsConfigured => options.Value.IsConfigured;

    /// <summary>A renewal needs nobody on the page: the STK push goes to the saved number, the payer approves it with their
    /// PIN whenever they see it, and the usual callback (or the reconciliation query) completes the payment.</summary>
    public bool ChargesUnattended => true;

    public string? UnavailableReason => IsConfigured ? null
        : "M-Pesa is not set up on this server (the Daraja app's keys, the shortcode and passkey, and the callback address).";

    /// <summary>
    /// M-Pesa moves whole shillings only, so an invoice with cents is charged up to the next shilling (KES 1,234.01 →
    /// KES 1,235): the payer never pays less than owed, and this is the amount the callback must report.
    /// </summary>
    public Money ChargeFor(Money invoiceAmount) => invoiceAmount.Currency == Money.DefaultCurrency
        ? new Money(decimal.Ceiling(invoiceAmount.Amount), Money.DefaultCurrency)
        : throw new DomainException(StatusCodes.Status422UnprocessableEntity, "currency_not_supported",
            "M-Pesa collects Kenyan shillings only.", $"This invoice is in {invoiceAmount.Currency}; choose another way to pay.");

    public async Task<GatewayStart> StartAsync(GatewayCharge charge, CancellationToken ct)
    {
        var mpesa = Configured();
        if (charge.Charge.Currency != Money.DefaultCurrency || charge.Charge.Amount < 1 || charge.Charge.Amount != decimal.Truncate(charge.Charge.Amount))
            throw new InvalidOperationException($"M-Pesa charges whole shillings from ChargeFor, not {charge.Charge}.");
        if (string.IsNullOrEmpty(charge.CallbackSecret)) throw new InvalidOperationException("An M-Pesa charge needs its callback secret.");
        var phone = MpesaPhoneNumber.Normalize(charge.PhoneNumber) ?? throw InvalidPhoneNumber();

        var password = StkPassword.At(clock, mpesa.ShortCode!, mpesa.Passkey!);
        var answer = await daraja.PostAsync("mpesa/stkpush/v1/processrequest", new StkPushRequest(
            BusinessShortCode: mpesa.ShortCode!, Password: password.Password, Timestamp: password.Timestamp,
            TransactionType: mpesa.TransactionType.ToString(), Amount: (long)charge.Charge.Amount,
            PartyA: phone, PartyB: mpesa.PartyB, PhoneNumber: phone,
            CallBackURL: MpesaCallback.UrlFor(mpesa.CallbackBaseUrl!, charge.CallbackSecret),
            AccountReference: StkPushText.AccountReference(charge.InvoiceNumber),
            TransactionDesc: StkPushText.TransactionDesc(charge.Description)), ct);

        if (!answer.IsSuccess) throw new GatewayUnavailableException(Gateway, answer.Refusal("M-Pesa refused the payment request"));
        if (answer.Text("ResponseCode") != "0" || answer.Text("CheckoutRequestID") is not { Length: > 0 } checkout)
            throw new GatewayUnavailableException(Gateway,
                $"M-Pesa refused the payment request: {answer.Text("ResponseDescription") ?? "no checkout request was created"}.");
        return new GatewayStart(GatewayState.Pending, checkout, Message: answer.Text("CustomerMessage"));
    }

    public async Task<GatewayResult> QueryAsync(string gatewayReference, CancellationToken ct)
    {
        var mpesa = Configured();
        var password = StkPassword.At(clock, mpesa.ShortCode!, mpesa.Passkey!);
        var answer = await daraja.PostAsync("mpesa/stkpushquery/v1/query",
            new StkQueryRequest(mpesa.ShortCode!, password.Password, password.Timestamp, gatewayReference), ct);

        // While the payer is still looking at the prompt Daraja answers with an error envelope saying so.
        if (!answer.IsSuccess && answer.ErrorMessage?.Contains(StillProcessing, StringComparison.OrdinalIgnoreCase) == true)
            return new GatewayResult(Gateway, gatewayReference, GatewayState.Pending, Code: answer.ErrorCode, Message: answer.ErrorMessage);
        if (!answer.IsSuccess) throw new GatewayUnavailableException(Gateway, answer.Refusal("M-Pesa could not say where the payment stands"));

        // ResultCode is a string here (a number in the callback). The query says neither amount nor receipt.
        var (code, description) = (answer.Text("ResultCode"), answer.Text("ResultDesc"));
        return code switch
        {
            "0" => new GatewayResult(Gateway, gatewayReference, GatewayState.Completed, Code: code, Message: description),
            null or "" or StillUnderProcessingCode => new GatewayResult(Gateway, gatewayReference, GatewayState.Pending, Code: code, Message: description),
            // 1032 cancelled by the payer, 1037 phone unreachable or no answer in time, 1 insufficient balance, 2001 wrong PIN, ...
            _ => new GatewayResult(Gateway, gatewayReference, GatewayState.Failed, Code: code, Message: description),
        };
    }

    private MpesaOptions Configured() => options.Value is { IsConfigured: true } mpesa
        ? mpesa
        : throw new GatewayUnavailableException(Gateway, "M-Pesa is not configured on this server.");

    private static DomainException InvalidPhoneNumber() => new(StatusCodes.Status422UnprocessableEntity, "validation_failed",
        "One or more fields are invalid.", $"The phone number must be {MpesaPhoneNumber.ExpectedForm}.")
    {
        Extensions = { ["errors"] = new Dictionary<string, string[]> { ["phoneNumber"] = [$"Use {MpesaPhoneNumber.ExpectedForm}."] } },
    };
}
