namespace ExotelPS.Client;

/// <summary>Collects the validation failures of one request, field by field, and its form fields as they pass.</summary>
internal sealed class RequestValidator
{
    private readonly List<ValidationFailure> failures = new();

    public List<KeyValuePair<string, string>> Form { get; } = new();

    public void Fail(string field, string? value, string reason) => failures.Add(new ValidationFailure(field, value, reason));

    public void Phone(string field, string? value, bool required = true)
    {
        if (!required && string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var number = PhoneNumber.TryNormalize(value, out var reason);
        if (number is null)
        {
            Fail(field, value, reason);
        }
        else
        {
            Add(field, number);
        }
    }

    public void Range(string field, int? value, int min, int max)
    {
        if (value is null)
        {
            return;
        }

        if (value < min || value > max)
        {
            Fail(field, value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), $"must be between {min} and {max}");
        }
        else
        {
            Add(field, value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public void Text(string field, string? value, int maxLength)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > maxLength)
        {
            Fail(field, value, $"must be at most {maxLength} characters (it has {value.Length})");
        }
        else if (Utf16.HasLoneSurrogate(value))
        {
            Fail(field, value, Utf16.LoneSurrogateReason);
        }
        else
        {
            Add(field, value);
        }
    }

    public void Url(string field, string? value, params string[] schemes)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        var allowed = schemes.Length == 0 ? new[] { Uri.UriSchemeHttp, Uri.UriSchemeHttps } : schemes;
        var trimmed = value!.Trim();

        // Uri would quietly escape a space or a tab inside: a URL with one is a broken cell, not a URL.
        if (trimmed.Any(char.IsWhiteSpace))
        {
            Fail(field, value, "must not hold spaces, tabs or line breaks; escape a space inside a URL as %20");
        }
        else if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && allowed.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            Add(field, uri.OriginalString);
        }
        else
        {
            Fail(field, value, "must be an absolute " + string.Join(" or ", allowed) + " URL");
        }
    }

    public void Enum(string field, Enum? value)
    {
        if (value is null)
        {
            return;
        }

        if (ExotelWireNames.WireNameOf(value) is { } wire)
        {
            Add(field, wire);
        }
        else
        {
            Fail(field, value.ToString(), "must be one of " + string.Join(", ", ExotelWireNames.AllOf(value.GetType())));
        }
    }

    public void Add(string field, string value) => Form.Add(new KeyValuePair<string, string>(field, value));

    public void ThrowIfInvalid()
    {
        if (failures.Count > 0)
        {
            throw new ExotelValidationException(failures.ToArray());
        }
    }

    public IReadOnlyList<ValidationFailure> Failures => failures;
}
