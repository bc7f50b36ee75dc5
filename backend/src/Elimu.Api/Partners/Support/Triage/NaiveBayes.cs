namespace Elimu.Api.Partners.Support.Triage;

/// <summary>
/// A multinomial naive Bayes text classifier with Laplace smoothing: P(label | words) ∝ P(label) · Π P(word | label),
/// computed in logs. Words never seen in training are left out (they say nothing about any label).
/// </summary>
public sealed class NaiveBayes<TLabel> where TLabel : struct, Enum
{
    private const double Alpha = 1.0;

    private readonly Dictionary<TLabel, double> _logPrior = new();
    private readonly Dictionary<TLabel, Dictionary<string, double>> _logLikelihood = new();
    private readonly Dictionary<TLabel, double> _logUnseen = new();
    private readonly HashSet<string> _vocabulary = new(StringComparer.Ordinal);
    private readonly TLabel[] _labels;

    public NaiveBayes(IEnumerable<(IReadOnlyList<string> Words, TLabel Label)> training)
    {
        var examples = training.ToList();
        if (examples.Count == 0) throw new ArgumentException("Naive Bayes needs at least one example.", nameof(training));
        _labels = examples.Select(e => e.Label).Distinct().OrderBy(l => l).ToArray();
        var counts = _labels.ToDictionary(l => l, _ => new Dictionary<string, int>(StringComparer.Ordinal));
        foreach (var (words, label) in examples)
            foreach (var w in words)
            {
                _vocabulary.Add(w);
                counts[label][w] = counts[label].GetValueOrDefault(w) + 1;
            }
        foreach (var label in _labels)
        {
            _logPrior[label] = Math.Log(examples.Count(e => e.Label.Equals(label)) / (double)examples.Count);
            var total = counts[label].Values.Sum() + Alpha * _vocabulary.Count;
            _logLikelihood[label] = counts[label].ToDictionary(kv => kv.Key, kv => Math.Log((kv.Value + Alpha) / total), StringComparer.Ordinal);
            _logUnseen[label] = Math.Log(Alpha / total);
        }
    }

    /// <summary>The most probable label; ties go to the label that comes first in the enum.</summary>
    public TLabel Predict(IReadOnlyList<string> words) => Scores(words).MaxBy(s => s.Score).Label;

    public IEnumerable<(TLabel Label, double Score)> Scores(IReadOnlyList<string> words) =>
        _labels.Select(l => (l, _logPrior[l] + words.Where(_vocabulary.Contains).Sum(w => LogLikelihood(l, w))));

    /// <summary>
    /// The words of the text that speak most for <paramref name="label"/> against the other labels (by how much likelier
    /// they are under it than under the average other label): the classifier's reasons.
    /// </summary>
    public IReadOnlyList<string> Evidence(TLabel label, IReadOnlyList<string> words, int take) =>
        words.Distinct(StringComparer.Ordinal).Where(_vocabulary.Contains)
            .Select(w => (Word: w, Lift: LogLikelihood(label, w) - _labels.Where(o => !o.Equals(label)).Average(o => LogLikelihood(o, w))))
            .Where(x => x.Lift > 0.5)
            .OrderByDescending(x => x.Lift).ThenBy(x => x.Word, StringComparer.Ordinal)
            .Take(take).Select(x => x.Word).ToList();

    private double LogLikelihood(TLabel label, string word) =>
        _logLikelihood[label].TryGetValue(word, out var l) ? l : _logUnseen[label];
}
