namespace Elimu.Api.Partners.Analytics.Forecasts;

/// <summary>
/// GET /analytics/forecasts: what a partner's consented children and its own payments did term by term, where the next
/// three school terms are heading (figures computed by <see cref="TrendForecast"/>), and a narrative that explains them.
/// </summary>
/// <param name="ProgramId">The program forecast, or null for all the partner's programs.</param>
/// <param name="Currency">Spend counts completed payments in this currency only (KES is never added to USD).</param>
/// <param name="Coverage">The share of outcomes each prediction interval should hold (0.8).</param>
/// <param name="OutcomeDefinition">What "an outcome" is in cost per outcome, in words.</param>
public sealed record ForecastResponse(Guid? ProgramId, string Scope, string Currency, decimal Coverage, string OutcomeDefinition,
    IReadOnlyList<TermHistory> History, SeriesOutlook Enrollment, SeriesOutlook Spend, SeriesOutlook CostPerOutcome,
    string Narrative, string Provider, string Model, DateTimeOffset GeneratedAt);

/// <summary>One completed school term.</summary>
/// <param name="Enrolled">Consented children enrolled at any time in the term.</param>
/// <param name="Spend">The partner's completed payments that fall in the term (or in the holidays before it).</param>
/// <param name="Learners">Enrolled consented children who learned at least once in the term: the outcome.</param>
/// <param name="CostPerOutcome">Spend ÷ learners; null when nobody learned.</param>
public sealed record TermHistory(string Label, int Year, int Term, DateOnly Start, DateOnly End, int Enrolled, decimal Spend, int Learners,
    decimal? CostPerOutcome);

/// <summary>One series' outlook. Without enough history (<see cref="EnoughHistory"/> false) there are no terms: no invented numbers.</summary>
/// <param name="Method">none, linear_trend or holt.</param>
/// <param name="HistoryTerms">How many terms the method was given.</param>
/// <param name="SlopePerTerm">The fitted change per term.</param>
public sealed record SeriesOutlook(string Method, int HistoryTerms, bool EnoughHistory, decimal? SlopePerTerm, IReadOnlyList<ForecastTerm> Terms);

/// <summary>A forecast term. Start and End are null for a term past the configured school calendar.</summary>
public sealed record ForecastTerm(string Label, int Year, int Term, DateOnly? Start, DateOnly? End, decimal Estimate, decimal Lower, decimal Upper);
