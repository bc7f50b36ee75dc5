using CsCheck;
using Elimu.Api.Partners.Consent;
using Elimu.Api.Platform.Learning.Insights;

namespace Elimu.Api.Tests.Platform.Figures;

/// <summary>Properties (CsCheck) of the signature-name match, streaks and engagement: what must hold for every input.</summary>
public sealed class FigurePropertyTests
{
    private static readonly Gen<string> Word = Gen.String[Gen.Char['a', 'z'], 2, 10];
    private static readonly Gen<string> Accented = Gen.Int[0, 5].Select(i => new[] { "é", "è", "ü", "ñ", "ç", "ã" }[i]);

    [Fact]
    public void A_name_matches_itself_whatever_the_case_spacing_punctuation_and_accents()
    {
        Gen.Select(Word, Word, Gen.Bool, Gen.Int[1, 4], Accented).Sample((first, last, upper, spaces, accent) =>
        {
            var pad = new string(' ', spaces);
            var typed = $"{pad}{(upper ? first.ToUpperInvariant() : first)},{pad}{last}{accent}.{pad}";
            // The accent is forgiven on the typed side because the stored name carries its base letter.
            var stored = last + accent.Normalize(System.Text.NormalizationForm.FormD)[0];
            return SignatureMatch.Matches(typed, first, stored);
        });
    }

    [Fact]
    public void Word_order_and_an_added_middle_name_are_forgiven_but_a_missing_surname_is_not()
    {
        Gen.Select(Word, Word, Word).Where((f, l, m) => f != l && m != l && m != f).Sample((first, last, middle) =>
            SignatureMatch.Matches($"{last} {middle} {first}", first, last)
            && !SignatureMatch.Matches(first, first, last)
            && !SignatureMatch.Matches($"{first} {middle}", first, last));
    }

    [Fact]
    public void Matching_is_symmetric_between_a_two_word_name_and_its_typed_form()
    {
        // Typing "first last" for the guardian (first, last) matches exactly when typing "last first" does.
        Gen.Select(Word, Word, Word, Word).Sample((a, b, first, last) =>
            SignatureMatch.Matches($"{a} {b}", first, last) == SignatureMatch.Matches($"{b} {a}", first, last));
    }

    [Fact]
    public void Empty_or_blank_signatures_never_match()
    {
        Gen.Select(Gen.String[Gen.Char[" \t.,-"], 0, 6], Word, Word).Sample((blank, first, last) => !SignatureMatch.Matches(blank, first, last));
    }

    private static readonly DateOnly Today = new(2026, 3, 18);

    /// <summary>Active days within the last 150 days, as offsets back from today.</summary>
    private static readonly Gen<HashSet<DateOnly>> ActiveDays =
        Gen.Int[0, 149].HashSet[0, 120].Select(offsets => offsets.Select(o => Today.AddDays(-o)).ToHashSet());

    [Fact]
    public void A_streak_never_exceeds_the_active_days_and_the_current_never_exceeds_the_longest()
    {
        ActiveDays.Sample(days =>
        {
            var from = Today.AddDays(-(StreakCalculator.LongestStreakWindowDays - 1));
            var current = StreakCalculator.Current(days, Today);
            var longest = StreakCalculator.Longest(days, from, Today);
            var inWindow = days.Count(d => d >= from && d <= Today);
            return current <= days.Count && longest <= inWindow && (current > StreakCalculator.LongestStreakWindowDays || current <= longest);
        });
    }

    [Fact]
    public void A_current_streak_is_made_of_consecutive_active_days_ending_today_or_yesterday()
    {
        ActiveDays.Sample(days =>
        {
            var current = StreakCalculator.Current(days, Today);
            var end = days.Contains(Today) ? Today : Today.AddDays(-1);
            return Enumerable.Range(0, current).All(i => days.Contains(end.AddDays(-i))) && !days.Contains(end.AddDays(-current));
        });
    }

    [Fact]
    public void Learning_one_more_day_today_never_shortens_a_streak()
    {
        ActiveDays.Sample(days =>
        {
            var more = new HashSet<DateOnly>(days) { Today };
            return StreakCalculator.Current(more, Today) >= StreakCalculator.Current(days, Today);
        });
    }

    private static readonly Gen<(int Minutes, int Days, int Streak)> Activity =
        Gen.Select(Gen.Int[0, 5000], Gen.Int[0, 7], Gen.Int[0, 400]);

    [Fact]
    public void Engagement_is_between_0_and_100()
    {
        Activity.Sample(a => EngagementScore.Compute(a.Minutes, a.Days, a.Streak).Score is >= 0 and <= 100);
    }

    [Fact]
    public void Engagement_never_falls_when_any_input_grows()
    {
        Gen.Select(Activity, Gen.Int[0, 300], Gen.Int[0, 3], Gen.Int[0, 10]).Sample((a, moreMinutes, moreDays, moreStreak) =>
        {
            var before = EngagementScore.Compute(a.Minutes, a.Days, a.Streak).Score;
            return EngagementScore.Compute(a.Minutes + moreMinutes, a.Days, a.Streak).Score >= before
                && EngagementScore.Compute(a.Minutes, a.Days + moreDays, a.Streak).Score >= before
                && EngagementScore.Compute(a.Minutes, a.Days, a.Streak + moreStreak).Score >= before;
        });
    }

    [Fact]
    public void Engagement_is_0_without_activity_and_100_at_the_recommended_habit()
    {
        Assert.Equal(0, EngagementScore.Compute(0, 0, 0).Score);
        Gen.Select(Gen.Int[EngagementScore.WeeklyMinutesTarget, 3000], Gen.Int[EngagementScore.ActiveDaysTarget, 7], Gen.Int[EngagementScore.StreakTarget, 200])
            .Sample((m, d, s) => EngagementScore.Compute(m, d, s).Score == 100);
    }
}
