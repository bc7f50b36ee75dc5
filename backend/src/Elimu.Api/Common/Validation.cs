namespace Elimu.Api.Common;

/// <summary>Collects per-field messages (camelCase keys, as the client sends them) and throws them as one 400.</summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public Validation Check(bool ok, string field, string message)
    {
        if (!ok) Add(field, message);
        return this;
    }

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public bool IsValid => _errors.Count == 0;

    public void ThrowIfInvalid()
    {
        if (!IsValid) throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
