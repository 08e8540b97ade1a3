namespace ExotelPS.Pipeline;

/// <summary>Binds a whole number given as a number or as text; blank means not given.</summary>
internal sealed class LenientIntegerAttribute : LenientTransformationAttribute
{
    internal override object? Convert(object? value) => LenientParser.ToInt32(value);
}
