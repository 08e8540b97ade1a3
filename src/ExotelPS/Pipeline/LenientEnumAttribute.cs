namespace ExotelPS.Pipeline;

/// <summary>
/// Binds an engine enum by Exotel's spelling or its name (<c>mp3-hq</c> or <c>Mp3Hq</c>); blank means not given.
/// With <see cref="Many"/>, a list or a comma-separated text binds to an array.
/// </summary>
internal sealed class LenientEnumAttribute : LenientTransformationAttribute
{
    public LenientEnumAttribute(Type enumType) => EnumType = enumType;

    public Type EnumType { get; }

    public bool Many { get; set; }

    internal override object? Convert(object? value) =>
        Many ? LenientParser.ToEnumArray(EnumType, value) : LenientParser.ToEnum(EnumType, value);
}
