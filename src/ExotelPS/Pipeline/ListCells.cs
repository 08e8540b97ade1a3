using System.Collections;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Reflection;
using ExotelPS.Client;

namespace ExotelPS.Pipeline;

/// <summary>
/// Finds the row properties that hold a list where a command's parameter takes one value. PowerShell does not bind
/// such a property by name, and says nothing: the call would go out without it (a CustomField left off, say).
/// </summary>
internal static class ListCells
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<(string Parameter, string[] Names)>> SingleValued = new();

    /// <summary>A failure for each single-valued, by-name parameter whose property on <paramref name="row"/> is a list.</summary>
    public static IEnumerable<ValidationFailure> Of(Type command, PSObject? row)
    {
        if (row is null)
        {
            return Enumerable.Empty<ValidationFailure>();
        }

        return SingleValued.GetOrAdd(command, ParametersOf)
            .Select(parameter => (parameter.Parameter, Value: parameter.Names.Select(name => row.Properties[name]?.Value).FirstOrDefault(value => value is not null)))
            .Where(cell => Unwrapped(cell.Value) is IEnumerable and not string)
            .Select(cell => new ValidationFailure(
                cell.Parameter,
                LanguagePrimitives.ConvertTo<string>(cell.Value),
                $"must be one value, not a list of {((IEnumerable)Unwrapped(cell.Value)!).Cast<object>().Count()}"))
            .ToList();
    }

    private static object? Unwrapped(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private static IReadOnlyList<(string Parameter, string[] Names)> ParametersOf(Type command) =>
        command.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => !property.PropertyType.IsArray
                && property.GetCustomAttributes<ParameterAttribute>().Any(attribute => attribute.ValueFromPipelineByPropertyName))
            .Select(property => (property.Name, new[] { property.Name }.Concat(property.GetCustomAttributes<AliasAttribute>().SelectMany(alias => alias.AliasNames)).ToArray()))
            .ToList();
}
