using System.Text.Json;

namespace Elimu.Api.Payments.Mpesa;

/// <summary>
/// What Safaricom posts to the callback URL: <c>{"Body":{"stkCallback":{"CheckoutRequestID","ResultCode":0,"ResultDesc",
/// "CallbackMetadata":{"Item":[{"Name":"Amount","Value":1},{"Name":"MpesaReceiptNumber","Value":"QKM0FXE6RK"},...]}}}}</c>.
/// Items are found by name (their order is not promised) and may lack a value; a failure has no metadata.
/// </summary>
internal sealed record StkCallback(string CheckoutRequestId, int ResultCode, string? ResultDesc, decimal? Amount, string? Receipt)
{
    private const int MaxReferenceLength = 100;

    /// <summary>The callback in <paramref name="body"/>, or null with the reason it cannot be read.</summary>
    public static StkCallback? Parse(ReadOnlyMemory<byte> body, out string? problem)
    {
        try
        {
            using var json = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
            problem = null;
            if (!json.RootElement.TryProperty("Body", out var envelope) || !envelope.TryProperty("stkCallback", out var callback))
                problem = "no Body.stkCallback";
            else if (!callback.TryProperty("CheckoutRequestID", out var id) || id.ValueKind != JsonValueKind.String
                     || id.GetString() is not { Length: > 0 and <= MaxReferenceLength } reference)
                problem = "no CheckoutRequestID";
            else if (!callback.TryProperty("ResultCode", out var code) || !code.TryGetWholeNumber(out var resultCode))
                problem = "no numeric ResultCode";
            else
            {
                var items = callback.TryProperty("CallbackMetadata", out var metadata) && metadata.TryProperty("Item", out var list)
                    && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
                var amount = ValueOf(items, "Amount") is { ValueKind: JsonValueKind.Number } a && a.TryGetDecimal(out var d) ? d : (decimal?)null;
                var receipt = ValueOf(items, "MpesaReceiptNumber") is { ValueKind: JsonValueKind.String } r ? r.GetString() : null;
                var description = callback.TryProperty("ResultDesc", out var desc) && desc.ValueKind == JsonValueKind.String ? desc.GetString() : null;
                return new StkCallback(reference, resultCode, description, amount, receipt);
            }
            return null;
        }
        catch (JsonException e)
        {
            problem = $"not JSON ({e.Message})";
            return null;
        }
    }

    private static JsonElement? ValueOf(List<JsonElement> items, string name) =>
        items.FirstOrDefault(i => i.TryProperty("Name", out var n) && n.ValueKind == JsonValueKind.String && n.GetString() == name)
            is { ValueKind: JsonValueKind.Object } item && item.TryProperty("Value", out var value) ? value : null;
}

internal static class JsonElementReading
{
    public static bool TryProperty(this JsonElement element, string name, out JsonElement value)
    {
        value = default;
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value);
    }

    /// <summary>A number without a fraction (the callback's ResultCode); a string of digits is taken as well.</summary>
    public static bool TryGetWholeNumber(this JsonElement element, out int number)
    {
        number = 0;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt32(out number),
            JsonValueKind.String => int.TryParse(element.GetString(), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }
}
