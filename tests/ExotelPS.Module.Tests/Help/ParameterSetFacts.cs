namespace ExotelPS.Module.Tests.Help;

/// <summary>How a parameter binds in one parameter set.</summary>
internal sealed record ParameterSetFacts(
    string Name,
    string Position,
    bool IsRequired,
    bool ValueFromPipeline,
    bool ValueFromPipelineByPropertyName,
    bool ValueFromRemainingArguments)
{
    public bool IsPositional => Position != "Named";
}
