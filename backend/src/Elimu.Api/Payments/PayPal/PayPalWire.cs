using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Elimu.Api.Common;

namespace Elimu.Api.Payments.PayPal;

// PayPal's JSON, as far as this gateway reads or writes it (snake_case on the wire).
internal static class PayPalJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

internal sealed record PayPalToken(string AccessToken, int ExpiresIn);

internal sealed record PayPalAmount(string CurrencyCode, string Value)
{
    /// <summary>PayPal's amounts are decimal strings ("10.00"), never numbers.</summary>
    public static PayPalAmount Of(Money money) => new(money.Currency, money.Amount.ToString("0.00", CultureInfo.InvariantCulture));

    public Money ToMoney() => new(decimal.Parse(Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture), CurrencyCode);
}

internal sealed record PayPalLink(string Href, string Rel, string? Method);

internal sealed record PayPalStatusDetails(string? Reason);

internal sealed record PayPalCapture(string Id, string Status, PayPalAmount? Amount, PayPalStatusDetails? StatusDetails,
    PayPalSupplementaryData? SupplementaryData = null);

internal sealed record PayPalSupplementaryData(PayPalRelatedIds? RelatedIds);

internal sealed record PayPalRelatedIds(string? OrderId);

internal sealed record PayPalPayments(List<PayPalCapture>? Captures);

internal sealed record PayPalPurchaseUnit(
    string? ReferenceId, string? CustomId, string? Description, PayPalAmount? Amount, PayPalPayments? Payments = null);

internal sealed record PayPalApplicationContext(string? ReturnUrl, string? CancelUrl, string UserAction, string ShippingPreference);

internal sealed record PayPalCreateOrder(string Intent, List<PayPalPurchaseUnit> PurchaseUnits, PayPalApplicationContext? ApplicationContext);

internal sealed record PayPalOrder(string Id, string Status, List<PayPalPurchaseUnit>? PurchaseUnits, List<PayPalLink>? Links);

internal sealed record PayPalErrorDetail(string? Issue, string? Description);

/// <summary>PayPal's error body: <c>{name, message, details[{issue, description}], debug_id}</c>, or OAuth's <c>{error, error_description}</c>.</summary>
internal sealed record PayPalError(string? Name, string? Message, List<PayPalErrorDetail>? Details, string? DebugId,
    string? Error, string? ErrorDescription);

internal sealed record PayPalVerification(string VerificationStatus);

internal sealed record PayPalWebhookEvent(string Id, string EventType, JsonElement Resource);
