using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Elimu.Api.Common;

/// <summary>
/// Checks the query-string (and route) values a handler binds before binding runs, because binding is lenient where
/// the API must not be: an enum accepts "99" and "2" (Enum.TryParse takes numbers, defined or not), and a string
/// takes any length. Enums must be one of their names (docs/adr/0003); strings at most <see cref="InputLimits.QueryText"/>.
/// A refusal is a 400 naming the parameter, like every other validation error.
/// </summary>
internal sealed class QueryStringGuard(RequestDelegate next)
{
    private sealed record Rule(string Name, Type? Enum);

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
                if (value is null) continue;
                if (rule.Enum is { } type)
                    v.Check(value.Length == 0 || Enum.GetNames(type).Contains(value, StringComparer.Ordinal), field,
                        $"Use one of: {string.Join(", ", Enum.GetNames(type))}.");
                else
                    v.Text(field, value, InputLimits.QueryText);
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
        if (underlying.IsEnum) rules.Add(new Rule(queryName ?? name, underlying));
        else if (underlying == typeof(string)) rules.Add(new Rule(queryName ?? name, null));
    }

    /// <summary>Bound from the body, a header, a form or services: not a query value.</summary>
    private static bool IsFromElsewhere(ParameterInfo p) => p.GetCustomAttributes().Any(a =>
        a is FromBodyAttribute or FromHeaderAttribute or FromFormAttribute or FromServicesAttribute
            or Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute);
}
