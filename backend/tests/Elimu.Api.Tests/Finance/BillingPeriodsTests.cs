using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Sponsorships;

namespace Elimu.Api.Tests.Finance;

/// <summary>The period calculator against dates worked out by hand on a calendar.</summary>
public sealed class BillingPeriodsTests
{
    private static readonly SchoolTerm[] Terms =
    [
        new() { Year = 2026, Term = 1, Start = new(2026, 1, 5), End = new(2026, 4, 2) },
        new() { Year = 2026, Term = 2, Start = new(2026, 4, 27), End = new(2026, 7, 31) },
        new() { Year = 2026, Term = 3, Start = new(2026, 8, 24), End = new(2026, 10, 30) },
        new() { Year = 2027, Term = 1, Start = new(2027, 1, 4), End = new(2027, 4, 1) },
    ];

    private static readonly BillingPeriods Periods = new(Terms);

    private static BillingWindow W(int y1, int m1, int d1, int y2, int m2, int d2) => new(new(y1, m1, d1), new(y2, m2, d2));

    [Fact]
    public void Monthly_periods_count_whole_months_from_the_anchor_so_the_31st_comes_back_after_february()
    {
        var anchor = new DateOnly(2026, 1, 31);
        Assert.Equal(W(2026, 1, 31, 2026, 2, 28), Periods.Containing(BillingPeriod.monthly, anchor, new(2026, 2, 15)));
        Assert.Equal(W(2026, 2, 28, 2026, 3, 31), Periods.Containing(BillingPeriod.monthly, anchor, new(2026, 3, 1)));
        Assert.Equal(W(2026, 3, 31, 2026, 4, 30), Periods.Containing(BillingPeriod.monthly, anchor, new(2026, 4, 5)));
        Assert.Equal(W(2026, 3, 31, 2026, 4, 30), Periods.After(BillingPeriod.monthly, anchor, W(2026, 2, 28, 2026, 3, 31)));
        Assert.Equal(W(2025, 12, 31, 2026, 1, 31), Periods.Before(BillingPeriod.monthly, anchor, W(2026, 1, 31, 2026, 2, 28)));
        var march = Periods.Containing(BillingPeriod.monthly, new DateOnly(2026, 3, 11), new(2026, 3, 11));
        Assert.Equal(W(2026, 3, 11, 2026, 4, 11), march);
        Assert.Equal(31, march.Days);
    }

    [Fact]
    public void Annual_periods_from_a_leap_day_fall_on_the_28th()
    {
        var anchor = new DateOnly(2024, 2, 29);
        Assert.Equal(W(2025, 2, 28, 2026, 2, 28), Periods.Containing(BillingPeriod.annual, anchor, new(2025, 3, 1)));
        Assert.Equal(W(2024, 2, 29, 2025, 2, 28), Periods.Containing(BillingPeriod.annual, anchor, new(2025, 2, 27)));
        Assert.Equal(W(2028, 2, 29, 2029, 2, 28), Periods.Containing(BillingPeriod.annual, anchor, new(2028, 12, 1)));
    }

    [Fact]
    public void A_termly_period_is_a_school_term_and_the_holidays_belong_to_the_next_term_across_the_year_boundary()
    {
        var any = new DateOnly(2026, 1, 1);
        Assert.Equal(W(2026, 8, 24, 2026, 10, 31), Periods.Containing(BillingPeriod.termly, any, new(2026, 10, 1)));
        Assert.Equal(W(2026, 4, 27, 2026, 8, 1), Periods.Containing(BillingPeriod.termly, any, new(2026, 4, 10)));
        // In the November holidays, the next period is term 1 of 2027; after term 3 comes term 1 of the next year.
        Assert.Equal(W(2027, 1, 4, 2027, 4, 2), Periods.Containing(BillingPeriod.termly, any, new(2026, 11, 15)));
        Assert.Equal(W(2027, 1, 4, 2027, 4, 2), Periods.After(BillingPeriod.termly, any, W(2026, 8, 24, 2026, 10, 31)));
        Assert.Equal(W(2026, 8, 24, 2026, 10, 31), Periods.Before(BillingPeriod.termly, any, W(2027, 1, 4, 2027, 4, 2)));
        Assert.Null(Periods.Before(BillingPeriod.termly, any, W(2026, 1, 5, 2026, 4, 3)));
    }

    [Fact]
    public void A_term_beyond_the_configured_calendar_is_a_clear_refusal()
    {
        var e = Assert.Throws<Elimu.Api.Common.DomainException>(() => Periods.Containing(BillingPeriod.termly, default, new(2027, 5, 1)));
        Assert.Equal("school_terms_not_configured", e.Code);
    }
}
