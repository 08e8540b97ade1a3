using System.Management.Automation;

namespace ExotelPS.Pipeline;

/// <summary>
/// Base of the transformations that let CSV text bind to typed parameters. A value that cannot be read fails
/// binding for that input row only, with a message naming the value.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal abstract class LenientTransformationAttribute : ArgumentTransformationAttribute
{
    public sealed override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        try
        {
            return Convert(inputData is PSObject wrapped ? wrapped.BaseObject : inputData);
        }
        catch (FormatException ex)
        {
            throw new ArgumentTransformationMetadataException(ex.Message, ex);
        }
    }

    internal abstract object? Convert(object? value);
}
