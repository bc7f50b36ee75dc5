using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Elimu.Api.Common;

/// <summary>
/// Checks the query-string (and route) values a handler binds before binding runs, because binding is lenient where
/// the API must not be: an enum accepts "99" and "2" (Enum.TryParse takes numbers, defined or not), and a string
/// takes any length. Enums must be one of their names (docs/adr/0003); strings at most <see cref="InputLimits.QueryText"/>;
/// numbers, booleans, ids and dates must parse (binding would refuse them too, but without naming the parameter).
/// A refusal is a 400 naming the parameter, like every other validation error.
/// </summary>
internal sealed class QueryStringGuard(RequestDelegate next)
{
    private sealed record Rule(string Name, Type Type);

    private static readonly Dictionary<Type, (Func<string, bool> Parses, string Message)> Scalars = new()
    {
        [typeof(int)] = (v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _), "Use a whole number."),
        [typeof(long)] = (v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _), "Use a whole number."),
        [typeof(decimal)] = (v => decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out _), "Use a number."),
        [typeof(bool)] = (v => bool.TryParse(v, out _), "Use true or false."),
        [typeof(Guid)] = (v => Guid.TryParse(v, out _), "Use an id (a UUID)."),
        [typeof(DateOnly)] = (v => DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), "Use a date as YYYY-MM-DD."),
    };

    private static readonly ConcurrentDictionary<Endpoint, Rule[]> Rules = new();

    public Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<MethodInfo>() is { } method)
            Check(http, Rules.GetOrAdd(endpoint, _ => RulesOf(method)));
        return next(http);
    }

    private static void Check(HttpContext http, Rule[] rules)
    {
        if (rules.Length == 0) return;
        var v = new Validation();
        foreach (var rule in rules)
        {
            var values = http.Request.RouteValues.TryGetValue(rule.Name, out var routeValue) && routeValue is string fromRoute
                ? [fromRoute] : http.Request.Query[rule.Name].ToArray();
            var field = JsonNamingPolicy.CamelCase.ConvertName(rule.Name);
            foreach (var value in values)
            {
                if (string.IsNullOrEmpty(value)) continue;
                if (rule.Type.IsEnum)
                    v.Check(Enum.GetNames(rule.Type).Contains(value, StringComparer.Ordinal), field,
                        $"Use one of: {string.Join(", ", Enum.GetNames(rule.Type))}.");
                else if (rule.Type == typeof(string))
                    v.Text(field, value, InputLimits.QueryText);
                else if (Scalars.TryGetValue(rule.Type, out var scalar))
                    v.Check(scalar.Parses(value), field, scalar.Message);
            }
        }
        v.ThrowIfInvalid();
    }

    /// <summary>The handler's enum and string parameters bound from the query or the route, [AsParameters] expanded.</summary>
    private static Rule[] RulesOf(MethodInfo method)
    {
        var rules = new List<Rule>();
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<AsParametersAttribute>() is not null)
                foreach (var member in parameter.ParameterType.GetConstructors().SelectMany(c => c.GetParameters()))
                    Add(rules, member.Name, member.ParameterType, member.GetCustomAttribute<FromQueryAttribute>()?.Name, IsFromElsewhere(member));
            else
                Add(rules, parameter.Name, parameter.ParameterType, parameter.GetCustomAttribute<FromQueryAttribute>()?.Name, IsFromElsewhere(parameter));
        }
        return [.. rules.DistinctBy(r => r.Name, StringComparer.OrdinalIgnoreCase)];
    }

    private static void Add(List<Rule> rules, string? name, Type type, string? queryName, bool elsewhere)
    {
        if (elsewhere || name is null) return;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum || underlying == typeof(string) || Scalars.ContainsKey(underlying))
            rules.Add(new Rule(queryName ?? name, underlying));
    }

    /// <summary>Bound from the body, a header, a form or services: not a query value.</summary>
    private static bool IsFromElsewhere(ParameterInfo p) => p.GetCustomAttributes().Any(a =>
        a is FromBodyAttribute or FromHeaderAttribute or FromFormAttribute or FromServicesAttribute
            or Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute);
}
