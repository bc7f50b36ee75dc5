using Elimu.Api.Ai;
using Elimu.Api.Common;
using Elimu.Api.Partners.ChildData;
using Elimu.Api.Partners.Finance;
using Elimu.Api.Partners.Sponsorships;
using Microsoft.EntityFrameworkCore;

namespace Elimu.Api.Partners.Analytics.Forecasts;

/// <summary>
/// The partner's forecasts (<c>get_ai_forecasts</c>): per completed school term of <c>Billing:Terms</c>, the consented
/// children enrolled, the partner's own completed payments and the children who learned; then enrollment, spend and
/// cost per outcome for the next <see cref="Horizon"/> terms by <see cref="TrendForecast"/>; then the narrative.
/// Children whose guardians refused or withdrew consent count nowhere, not even in past terms.
/// </summary>
public sealed class ForecastService(ProgramListings programs, ChildLearningGate learning, PartnerSpend finance, IAiOrchestrator ai, TimeProvider clock)
{
    public const int Horizon = 3;
    public const string OutcomeDefinition = "an enrolled consented child who learned at least once in the term";

    public async Task<ForecastResponse> GetAsync(Guid partnerId, Guid? programId, CancellationToken ct)
    {
        var scope = "all your programs";
        var currency = Money.DefaultCurrency;
        if (programId is { } id)
        {
            var program = await programs.OfPartner(partnerId).Where(p => p.Id == id)
                .Select(p => new { p.Name, p.Currency }).SingleOrDefaultAsync(ct) ?? throw DomainException.NotFound("Sponsorship program");
            (scope, currency) = (program.Name, program.Currency.ToUpperInvariant());
        }

        var today = NairobiTime.Today(clock);
        var terms = finance.Terms.ToList();
        var completed = terms.Where(t => t.End < today).ToList();
        var history = await HistoryAsync(partnerId, programId, programId is null ? null : currency, completed, ct);
        if (programId is null) currency = history.Currency;
        var rows = history.Rows;
        var future = NextTerms(terms, completed.Count == 0 ? null : completed[^1], today).Take(Horizon).ToList();

        var enrollment = Outlook(rows.Select(r => (double)r.Enrolled).ToList(), future, decimals: 0);
        var spend = Outlook(rows.Select(r => (double)r.Spend).ToList(), future, decimals: 0);
        // Cost per outcome is defined only for terms in which someone learned: the latest unbroken run of them.
        var costs = rows.AsEnumerable().Reverse().TakeWhile(r => r.CostPerOutcome is not null).Select(r => (double)r.CostPerOutcome!.Value).Reverse().ToList();
        var cost = Outlook(costs, future, decimals: 2);

        var facts = new ForecastFacts(scope, currency, (decimal)TrendForecast.Coverage, OutcomeDefinition, rows, enrollment, spend, cost);
        var answer = await ai.RunAsync(new ForecastTask(facts), new AiRequest(partnerId), ct);
        return new ForecastResponse(programId, scope, currency, facts.Coverage, OutcomeDefinition, rows, enrollment, spend, cost,
            answer.Result.Narrative, answer.Provider, answer.Model, answer.GeneratedAt);
    }

    private async Task<(List<TermHistory> Rows, string Currency)> HistoryAsync(Guid partnerId, Guid? programId, string? currency,
        List<SchoolTerm> completed, CancellationToken ct)
    {
        if (completed.Count == 0) return ([], currency ?? Money.DefaultCurrency);
        var children = await learning.ConsentedEnrolmentsAsync(partnerId, programId, ct);
        var payments = await finance.CompletedAsync(partnerId, programId, completed[0].Start.AddDays(-120), ct);
        // Across programs the partner may pay in more than one currency: the one most of its payments are in is forecast.
        currency ??= payments.GroupBy(p => p.Currency).OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => g.Key).FirstOrDefault() ?? Money.DefaultCurrency;

        var rows = new List<TermHistory>();
        DateOnly? previousEnd = null;
        foreach (var term in completed)
        {
            var (startUtc, endUtc) = (NairobiTime.StartOfDayUtc(term.Start), NairobiTime.StartOfDayUtc(term.End.AddDays(1)));
            var enrolled = children.Where(c => c.EnrolledAt < endUtc && (c.LeftAt is null || c.LeftAt >= startUtc)).Select(c => c.StudentId).Distinct().ToList();
            // A term owns the holidays before it: a payment made then is for the coming term.
            var spend = payments.Where(p => p.Currency == currency && p.Day <= term.End && (previousEnd is null || p.Day > previousEnd)).Sum(p => p.Amount);
            previousEnd = term.End;
            var learners = enrolled.Count == 0 ? 0 : await learning.LearnersAsync(partnerId, enrolled, term.Start, term.End, ct);
            rows.Add(new TermHistory(Label(term.Year, term.Term), term.Year, term.Term, term.Start, term.End, enrolled.Count, spend, learners,
                learners == 0 ? null : Math.Round(spend / learners, 2)));
        }
        // History starts at the first term with anything in it: empty terms before the partner began are not a trend.
        return ([.. rows.SkipWhile(r => r.Enrolled == 0 && r.Spend == 0)], currency);
    }

    private static SeriesOutlook Outlook(List<double> history, List<(int Year, int Term, DateOnly? Start, DateOnly? End)> future, int decimals)
    {
        var forecast = TrendForecast.Forecast(history, Horizon);
        if (forecast.Method == ForecastMethod.none) return new SeriesOutlook(nameof(ForecastMethod.none), history.Count, false, null, []);
        decimal Round(double v) => Math.Round((decimal)Math.Max(0, v), decimals);
        var terms = forecast.Steps.Zip(future, (s, t) => new ForecastTerm(Label(t.Year, t.Term), t.Year, t.Term, t.Start, t.End,
            Round(s.Estimate), Round(s.Lower), Round(s.Upper))).ToList();
        return new SeriesOutlook(forecast.Method.ToString(), history.Count, true, Math.Round((decimal)forecast.Slope!.Value, 2), terms);
    }

    /// <summary>The terms after the last completed one, from the calendar, then counted on (three a year) past its end.</summary>
    private static IEnumerable<(int Year, int Term, DateOnly? Start, DateOnly? End)> NextTerms(List<SchoolTerm> terms, SchoolTerm? lastCompleted,
        DateOnly today)
    {
        var configured = terms.Where(t => lastCompleted is null ? t.End >= today : t.Start > lastCompleted.End).ToList();
        foreach (var t in configured) yield return (t.Year, t.Term, t.Start, t.End);
        var (year, term) = configured.Count > 0 ? (configured[^1].Year, configured[^1].Term)
            : lastCompleted is not null ? (lastCompleted.Year, lastCompleted.Term) : (today.Year, 0);
        while (true)
        {
            (year, term) = term >= 3 ? (year + 1, 1) : (year, term + 1);
            yield return (year, term, null, null);
        }
    }

    private static string Label(int year, int term) => $"Term {term} {year}";
}
