namespace ExotelPS.Module.Tests.Help;

/// <summary>What Get-Help says about one parameter, as a page documents it or as the code declares it.</summary>
internal sealed record ParameterFacts(
    string Name,
    string Type,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<ParameterSetFacts> Sets,
    bool DontShow,
    IReadOnlyList<string> AcceptedValues)
{
    /// <summary>The parameter set name PlatyPS writes for a parameter in every set.</summary>
    public const string AllSets = "(All)";

    /// <summary>Each field where <paramref name="code"/> differs from this (the page), as "field: page X vs code Y".</summary>
    public IEnumerable<string> DifferencesFrom(ParameterFacts code)
    {
        var fields = new (string Field, string Page, string Code)[]
        {
            ("Type", Type, code.Type),
            ("Aliases", List(Aliases), List(code.Aliases)),
            ("ParameterSets", List(Sets.OrderBy(set => set.Name).Select(set => set.ToString())), List(code.Sets.OrderBy(set => set.Name).Select(set => set.ToString()))),
            ("DontShow", DontShow.ToString(), code.DontShow.ToString()),
            ("AcceptedValues", List(AcceptedValues), List(code.AcceptedValues)),
        };
        return fields.Where(field => field.Page != field.Code).Select(field => $"-{Name} {field.Field}: page {field.Page} vs code {field.Code}");
    }

    /// <summary>The set entry of <paramref name="setName"/>, or of all sets, or null when the parameter is not in it.</summary>
    public ParameterSetFacts? In(string setName) =>
        Sets.FirstOrDefault(set => set.Name == setName) ?? Sets.FirstOrDefault(set => set.Name == AllSets);

    private static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";
}
