namespace ExotelPS.Client.Sandbox;

/// <summary>
/// An answer's content in Exotel's field order, written as JSON or XML by <see cref="ExotelResponseWriter"/>.
/// Values are text, whole numbers, null, a nested <see cref="WireObject"/> or a list of them.
/// </summary>
internal sealed class WireObject : List<KeyValuePair<string, object?>>
{
    public void Add(string name, object? value) => Add(new KeyValuePair<string, object?>(name, value));

    public static WireObject Of(string name, object? value) => new() { { name, value } };
}
