using System.Text;

namespace Elimu.Api.Partners.Support.Triage;

/// <summary>
/// The words a ticket is classified by: lower case, letters and digits only, common words dropped, a plural "s" taken off,
/// and the subject's words counted twice (a subject says what the ticket is about in few words).
/// </summary>
public static class TicketTokens
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "from", "by", "with", "is", "are", "was", "were",
        "be", "been", "it", "its", "this", "that", "these", "those", "we", "our", "us", "i", "my", "me", "you", "your", "he", "she",
        "her", "his", "they", "their", "them", "as", "so", "if", "do", "does", "did", "have", "has", "had", "can", "will", "would",
        "there", "what", "which", "who", "when", "where", "how", "why", "please", "kindly", "into", "than", "then", "also", "one",
    };

    public static IReadOnlyList<string> Of(string? subject, string? description)
    {
        var title = Words(subject);
        return [.. title, .. title, .. Words(description)];
    }

    /// <summary>
    /// For priority, how a ticket is written counts as much as what it is about: "how do I", "can we", a question mark
    /// and "cannot" are kept (they are stop words for the category), and so are neighbouring pairs ("locked out").
    /// </summary>
    public static IReadOnlyList<string> ForPriority(string? subject, string? description)
    {
        var words = new List<string>();
        foreach (var text in new[] { subject, description, subject })
        {
            var all = Words(text, keepStopWords: true);
            words.AddRange(all);
            words.AddRange(all.Zip(all.Skip(1), (a, b) => $"{a}_{b}"));
            if (text?.Contains('?') == true) words.Add("?");
            if (text?.Contains('!') == true) words.Add("!");
        }
        return words;
    }

    public static List<string> Words(string? text, bool keepStopWords = false)
    {
        var words = new List<string>();
        var normalised = (text ?? "").ToLowerInvariant().Replace("m-pesa", "mpesa").Replace("e-mail", "email").Replace("’", "'")
            .Replace("can't", "cannot").Replace("n't", " not");
        var word = new StringBuilder();
        foreach (var ch in normalised.Append(' '))
        {
            if (char.IsLetterOrDigit(ch)) { word.Append(ch); continue; }
            if (word.Length > 0) Add(words, word.ToString(), keepStopWords);
            word.Clear();
        }
        return words;
    }

    private static void Add(List<string> words, string word, bool keepStopWords)
    {
        if (!keepStopWords && (word.Length < 2 || StopWords.Contains(word))) return;
        words.Add(Singular(word));
    }

    /// <summary>"invoices" and "invoice", "crashes" and "crash", "queries" and "query": one word each.</summary>
    private static string Singular(string word)
    {
        if (word.Length <= 3 || !word.EndsWith('s') || word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal)
            || word.EndsWith("is", StringComparison.Ordinal)) return word;
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4) return word[..^3] + "y";
        if (word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal))
            return word[..^2];
        return word[..^1];
    }
}
