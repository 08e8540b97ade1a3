using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// Base of every error ExotelPS raises. Messages name the field, value, method and path involved but never
/// a credential.
/// </summary>
public abstract class ExotelException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected ExotelException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>What kind of failure this is.</summary>
    public abstract ExotelErrorKind Kind { get; }

    /// <summary>True when a call may have been placed despite the error: never retry such a request blindly.</summary>
    public virtual bool MayHaveBeenPlaced => false;
}

/// <summary>One field that failed validation, with the value that failed it.</summary>
public sealed class ValidationFailure
{
    /// <summary>Creates a failure.</summary>
    public ValidationFailure(string field, string? value, string reason)
    {
        Field = field;
        Value = value;
        Reason = reason;
    }

    /// <summary>The Exotel field name, e.g. <c>To</c> or <c>TimeLimit</c>.</summary>
    public string Field { get; }

    /// <summary>The value given, as text.</summary>
    public string? Value { get; }

    /// <summary>Why the value was refused.</summary>
    public string Reason { get; }

    /// <summary>E.g. <c>To 'abc': must be a phone number ...</c>; a long value is cut short.</summary>
    public override string ToString() => $"{Field} '{(Value is null ? null : EchoedText.Cut(Value, EchoedText.MaxValue))}': {Reason}";
}

/// <summary>The request was refused before anything was sent: one or more fields are invalid.</summary>
public sealed class ExotelValidationException : ExotelException
{
    /// <summary>Creates the exception from the failures found.</summary>
    public ExotelValidationException(IReadOnlyList<ValidationFailure> failures)
        : this(EngineStrings.InvalidRequest, failures)
    {
    }

    /// <summary>Creates the exception for something other than a request, e.g. a StatusCallback payload.</summary>
    public ExotelValidationException(string subject, IReadOnlyList<ValidationFailure> failures)
        : base(subject + ": " + string.Join("; ", failures))
    {
        Failures = failures;
    }

    /// <summary>Every field that failed, in field order.</summary>
    public IReadOnlyList<ValidationFailure> Failures { get; }

    /// <inheritdoc/>
    public override ExotelErrorKind Kind => ExotelErrorKind.InvalidInput;
}

/// <summary>
/// Exotel answered with an error (JSON or XML <c>RestException</c>), or did not answer a request in a way that
/// settles it. Carries the HTTP status, Exotel's own status, message and code, and the request's method and path.
/// </summary>
public sealed class ExotelApiException : ExotelException
{
    /// <summary>Creates the exception.</summary>
    public ExotelApiException(
        ExotelErrorKind kind,
        string method,
        string path,
        int? httpStatus,
        int? exotelStatus,
        string? exotelMessage,
        string? code,
        bool mayHaveBeenPlaced,
        Exception? innerException = null)
        : base(Describe(kind, method, path, httpStatus, exotelMessage, code, mayHaveBeenPlaced), innerException)
    {
        Kind = kind;
        Method = method;
        Path = path;
        HttpStatus = httpStatus;
        ExotelStatus = exotelStatus;
        ExotelMessage = exotelMessage;
        Code = code;
        MayHaveBeenPlaced = mayHaveBeenPlaced;
    }

    /// <inheritdoc/>
    public override ExotelErrorKind Kind { get; }

    /// <inheritdoc/>
    public override bool MayHaveBeenPlaced { get; }

    /// <summary>GET or POST.</summary>
    public string Method { get; }

    /// <summary>The request path, without query or credentials.</summary>
    public string Path { get; }

    /// <summary>The HTTP status code; null when no answer came.</summary>
    public int? HttpStatus { get; }

    /// <summary><c>RestException.Status</c> from the body, when present.</summary>
    public int? ExotelStatus { get; }

    /// <summary><c>RestException.Message</c> from the body, when present.</summary>
    public string? ExotelMessage { get; }

    /// <summary><c>RestException.Code</c>, e.g. <c>RATE_LIMIT_EXCEEDED</c>, when present.</summary>
    public string? Code { get; }

    private static string Describe(
        ExotelErrorKind kind, string method, string path, int? httpStatus, string? exotelMessage, string? code, bool mayHaveBeenPlaced)
    {
        var status = httpStatus is null ? EngineStrings.ApiNoAnswer : "HTTP " + httpStatus;
        // Exotel's messages often end with a full stop of their own; the sentence below adds one.
        var detail = string.IsNullOrEmpty(exotelMessage) ? string.Empty : ": " + exotelMessage!.TrimEnd().TrimEnd('.');
        var codeText = string.IsNullOrEmpty(code) ? string.Empty : $" [{code}]";
        var outcome = mayHaveBeenPlaced ? " " + EngineStrings.ApiOutcomeUnknown : string.Empty;
        var v3 = kind == ExotelErrorKind.V3NotEnabled ? " " + EngineStrings.ApiNoV3 : string.Empty;
        return EngineText.Format(EngineStrings.ApiFailed, method, path, kind, status, codeText, detail) + outcome + v3;
    }
}
