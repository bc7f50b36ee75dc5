using System.ComponentModel.DataAnnotations;

namespace Elimu.Api.Partners.Finance.Dunning;

/// <summary>
/// <c>Billing:Dunning</c>: when renewal invoices fall due, when a past-due subscription is retried and expires, and how
/// long monitoring goes on before a past-due program is suspended.
/// </summary>
public sealed class DunningOptions
{
    public const string Section = "Billing:Dunning";

    /// <summary>How often the renewal job looks for subscriptions to renew and to dun.</summary>
    [Range(1, 86_400)]
    public int ScanSeconds { get; set; } = 300;

    /// <summary>An invoice nobody pays automatically is due this many days after it is issued.</summary>
    [Range(0, 90)]
    public int PaymentTermDays { get; set; } = 7;

    /// <summary>Days after going past due when payment is tried again (or the partner reminded); after the last, the
    /// subscription expires.</summary>
    public int[] RetryDays { get; set; } = [1, 3, 7];

    /// <summary>Days past due after which monitoring of the program is suspended until the partner pays.</summary>
    [Range(0, 365)]
    public int GraceDays { get; set; } = 14;

    public TimeSpan RetryAfter(int retry) => TimeSpan.FromDays(RetryDays[retry]);
}
