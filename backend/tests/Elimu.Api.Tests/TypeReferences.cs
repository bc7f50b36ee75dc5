using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Elimu.Api.Tests;

/// <summary>
/// The types a namespace's code names, read exactly from the API's IL: signatures, attributes, method bodies, and the
/// lambdas, closures and state machines the compiler nests in its types. NetArchTest matches a dependency by name prefix,
/// so it cannot tell <c>SponsoredChild</c> from <c>SponsoredChildStatus</c>; this can.
/// </summary>
internal static class TypeReferences
{
    private static readonly Lazy<ModuleDefinition> Api = new(() => ModuleDefinition.ReadModule(typeof(Program).Assembly.Location));
    private static readonly Dictionary<string, HashSet<string>> Cache = [];

    /// <summary>Full names (namespace and name) of every type the code in <paramref name="namespace"/> refers to.</summary>
    public static HashSet<string> Of(string @namespace)
    {
        lock (Cache)
        {
            if (Cache.TryGetValue(@namespace, out var known)) return known;
            var found = new HashSet<string>();
            foreach (var type in Api.Value.Types.Where(t => t.Namespace == @namespace)) Collect(type, found);
            return Cache[@namespace] = found;
        }
    }

    private static void Collect(TypeDefinition type, HashSet<string> found)
    {
        Add(type.BaseType, found);
        foreach (var i in type.Interfaces) Add(i.InterfaceType, found);
        Attributes(type, found);
        foreach (var field in type.Fields) { Add(field.FieldType, found); Attributes(field, found); }
        foreach (var property in type.Properties) { Add(property.PropertyType, found); Attributes(property, found); }
        foreach (var e in type.Events) Add(e.EventType, found);
        foreach (var method in type.Methods) Collect(method, found);
        foreach (var nested in type.NestedTypes) Collect(nested, found);
    }

    private static void Collect(MethodDefinition method, HashSet<string> found)
    {
        Add(method.ReturnType, found);
        foreach (var p in method.Parameters) Add(p.ParameterType, found);
        foreach (var g in method.GenericParameters) foreach (var c in g.Constraints) Add(c.ConstraintType, found);
        Attributes(method, found);
        if (!method.HasBody) return;
        foreach (var v in method.Body.Variables) Add(v.VariableType, found);
        foreach (var instruction in method.Body.Instructions)
            switch (instruction.Operand)
            {
                case TypeReference t: Add(t, found); break;
                case MethodReference m: Add(m, found); break;
                case FieldReference f: Add(f.DeclaringType, found); Add(f.FieldType, found); break;
            }
    }

    private static void Add(MethodReference method, HashSet<string> found)
    {
        Add(method.DeclaringType, found);
        Add(method.ReturnType, found);
        foreach (var p in method.Parameters) Add(p.ParameterType, found);
        if (method is GenericInstanceMethod generic) foreach (var a in generic.GenericArguments) Add(a, found);
    }

    private static void Attributes(ICustomAttributeProvider provider, HashSet<string> found)
    {
        foreach (var attribute in provider.CustomAttributes)
        {
            Add(attribute.AttributeType, found);
            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.Properties.Select(p => p.Argument)))
                if (argument.Value is TypeReference t) Add(t, found);
        }
    }

    private static void Add(TypeReference? type, HashSet<string> found)
    {
        switch (type)
        {
            case null or GenericParameter: return;
            case GenericInstanceType generic:
                Add(generic.ElementType, found);
                foreach (var a in generic.GenericArguments) Add(a, found);
                return;
            case TypeSpecification spec: Add(spec.ElementType, found); return; // arrays, by-ref, pointers, modifiers
            default:
                // A nested type is named by its outermost declaring type, as a section's public surface lists them.
                while (type.DeclaringType is not null) type = type.DeclaringType;
                found.Add(type.FullName);
                return;
        }
    }
}
