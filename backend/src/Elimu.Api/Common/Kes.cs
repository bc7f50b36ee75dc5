using System.Globalization;

namespace Elimu.Api.Common;

/// <summary>Money as Kenyans write it: "KES 12,500.00" (thousands with commas, two decimals, the code first). Beside
/// <see cref="Money"/>, so every section formats amounts the same way (invoices, receipts, notifications, audit).</summary>
public static class Kes
{
    public static string Format(Money money) => $"{money.Currency} {money.Amount.ToString("#,##0.00", CultureInfo.InvariantCulture)}";
}
