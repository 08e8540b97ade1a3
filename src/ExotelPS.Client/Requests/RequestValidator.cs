using ExotelPS.Client.Resources;

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
            Fail(field, value.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), EngineText.Format(EngineStrings.MustBeBetween, min, max));
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
            Fail(field, value, EngineText.Format(EngineStrings.MustBeAtMostCharacters, maxLength, value.Length));
        }
        else if (Utf16.HasLoneSurrogate(value))
        {
            Fail(field, value, EngineStrings.LoneSurrogate);
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
            Fail(field, value, EngineStrings.UrlHoldsWhitespace);
        }
        else if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && allowed.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            Add(field, uri.OriginalString);
        }
        else
        {
            Fail(field, value, EngineText.Format(EngineStrings.MustBeAbsoluteUrl, string.Join(" or ", allowed)));
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
            Fail(field, value.ToString(), EngineText.Format(EngineStrings.MustBeOneOf, string.Join(", ", ExotelWireNames.AllOf(value.GetType()))));
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
