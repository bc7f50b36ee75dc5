using System.ComponentModel.DataAnnotations;

namespace Elimu.Api.Partners.Finance;

/// <summary>
/// <c>Billing</c> in configuration: the school calendar termly billing follows, and the tax added to invoices. The
/// Ministry publishes each year's term dates; adding a year is a configuration change, not a code change.
/// </summary>
public sealed class BillingOptions
{
    public const string Section = "Billing";

    /// <summary>The three Kenyan school terms of each year, first day and last day (inclusive).</summary>
    public List<SchoolTerm> Terms { get; set; } = [];

    /// <summary>VAT added to the invoice of a partner that is not tax exempt (Kenya: 16%).</summary>
    [Range(0, 1)]
    public decimal TaxRate { get; set; } = 0.16m;
}

/// <param name="Year">The school year.</param>
/// <param name="Term">1, 2 or 3.</param>
/// <param name="Start">The first day of the term.</param>
/// <param name="End">The last day of the term (inclusive).</param>
public sealed record SchoolTerm
{
    public int Year { get; init; }
    public int Term { get; init; }
    public DateOnly Start { get; init; }
    public DateOnly End { get; init; }
}
