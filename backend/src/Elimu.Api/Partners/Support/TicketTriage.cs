using System.Text.RegularExpressions;

namespace Elimu.Api.Partners.Support;

/// <summary>What triage suggests for a new ticket, always from the issue's lists, and why.</summary>
public sealed record TriageSuggestion(TicketCategory Category, TicketPriority Priority, string Source, IReadOnlyList<string> Reasons);

/// <summary>
/// Suggests a category and a priority for a ticket. The offline rules (<see cref="KeywordTicketTriage"/>) answer today;
/// the AI issue puts the orchestrator behind this interface, with the rules as its last fallback. An implementation
/// answers only with <see cref="TicketCategory"/> and <see cref="TicketPriority"/> values: the types say so.
/// </summary>
public interface ITicketTriage
{
    Task<TriageSuggestion> SuggestAsync(string subject, string description, CancellationToken ct);
}

/// <summary>
/// Deterministic keyword rules: each category's words score (a word in the subject counts twice), the highest score
/// wins, ties go to the earlier category of the list, and no match is <see cref="TicketCategory.other"/>. Priority is
/// the highest level whose signals appear (urgent, then high, then low), else medium.
/// </summary>
public sealed partial class KeywordTicketTriage : ITicketTriage
{
    public const string SourceName = "offline-rules";

    private static readonly (TicketCategory Category, string[] Words)[] CategoryWords =
    [
        (TicketCategory.billing, ["invoice", "invoices", "payment", "payments", "paid", "pay", "charge", "charged", "refund", "mpesa", "m-pesa",
            "paypal", "stripe", "receipt", "subscription", "billing", "price", "pricing", "kra", "card", "renewal", "bill"]),
        (TicketCategory.technical, ["error", "bug", "crash", "crashes", "upload", "uploading", "fails", "failed", "failing", "broken", "slow",
            "loading", "api", "export", "browser", "page", "blank", "timeout", "500", "not working", "doesn't work", "does not work"]),
        (TicketCategory.account, ["password", "login", "log in", "sign in", "signin", "2fa", "two-factor", "authenticator", "team",
            "invite", "invitation", "role", "profile", "account", "email address", "locked", "logo"]),
        (TicketCategory.sponsorship, ["program", "programme", "sponsorship", "sponsor", "approval", "approve", "enrol", "enroll",
            "enrolment", "enrollment", "children", "child", "cohort", "minimum", "student", "students"]),
        (TicketCategory.consent, ["consent", "consents", "guardian", "guardians", "parent", "parents", "signature", "withdraw",
            "withdrawn", "revoke", "revoked", "permission"]),
        (TicketCategory.content, ["course", "courses", "lesson", "lessons", "resource", "resources", "material", "materials", "video",
            "curriculum", "cbc", "content", "worksheet"]),
    ];

    private static readonly (TicketPriority Priority, string[] Words)[] PrioritySignals =
    [
        (TicketPriority.urgent, ["urgent", "urgently", "asap", "immediately", "emergency", "outage", "data breach", "security",
            "locked out", "cannot log in", "can't log in", "all children", "everyone", "down"]),
        (TicketPriority.high, ["charged twice", "double charged", "refund", "deadline", "blocked", "blocking", "broken", "fails", "failed",
            "error", "cannot", "can't", "not working", "this week", "before the term"]),
        (TicketPriority.low, ["question", "how do i", "how can i", "feature", "suggestion", "would like", "could you add", "nice to have",
            "when convenient", "idea"]),
    ];

    public Task<TriageSuggestion> SuggestAsync(string subject, string description, CancellationToken ct) =>
        Task.FromResult(Suggest(subject, description));

    public static TriageSuggestion Suggest(string subject, string description)
    {
        var title = Normalise(subject);
        var body = Normalise(description);
        var reasons = new List<string>();

        var category = TicketCategory.other;
        var best = 0;
        foreach (var (candidate, words) in CategoryWords)
        {
            var hits = words.Where(w => Contains(title, w) || Contains(body, w)).ToList();
            var score = words.Sum(w => (Contains(title, w) ? 2 : 0) + (Contains(body, w) ? 1 : 0));
            if (score <= best) continue;
            (category, best) = (candidate, score);
            reasons.RemoveAll(r => r.StartsWith("category:", StringComparison.Ordinal));
            reasons.Add($"category: mentions {string.Join(", ", hits.Take(3).Select(h => $"\"{h}\""))}");
        }

        var priority = TicketPriority.medium;
        foreach (var (level, words) in PrioritySignals)
        {
            var hit = words.FirstOrDefault(w => Contains(title, w) || Contains(body, w));
            if (hit is null) continue;
            priority = level;
            reasons.Add($"priority: mentions \"{hit}\"");
            break;
        }
        return new TriageSuggestion(category, priority, SourceName, reasons);
    }

    private static string Normalise(string? text) => " " + Spaces().Replace((text ?? "").ToLowerInvariant().Replace('’', '\''), " ") + " ";

    /// <summary>Whole words only: "pay" is not in "display", "api" is not in "rapid".</summary>
    private static bool Contains(string text, string word)
    {
        var at = 0;
        while ((at = text.IndexOf(word, at, StringComparison.Ordinal)) >= 0)
        {
            var before = at == 0 ? ' ' : text[at - 1];
            var afterAt = at + word.Length;
            var after = afterAt >= text.Length ? ' ' : text[afterAt];
            if (!char.IsLetterOrDigit(before) && !char.IsLetterOrDigit(after)) return true;
            at = afterAt;
        }
        return false;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
