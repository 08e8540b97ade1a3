namespace ExotelPS.Pipeline;

/// <summary>Binds true/false, yes/no, y/n, 1/0, on/off; blank means not given.</summary>
internal sealed class LenientBooleanAttribute : LenientTransformationAttribute
{
    internal override object? Convert(object? value) => LenientParser.ToBoolean(value);
}
