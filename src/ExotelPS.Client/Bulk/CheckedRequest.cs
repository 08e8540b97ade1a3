namespace ExotelPS.Client;

/// <summary>
/// A row's request, checked once by <see cref="CallDispatcher{TInput}.Check"/>: its journal identity and every
/// failure found in it (the request's fields, the identity, and whatever the caller found in the row itself).
/// </summary>
public sealed class CheckedRequest
{
    internal CheckedRequest(PlaceCallOptions request, string? identity, IReadOnlyList<ValidationFailure> failures)
    {
        Request = request;
        Identity = identity;
        Failures = failures;
    }

    /// <summary>The request as checked.</summary>
    public PlaceCallOptions Request { get; }

    /// <summary>Every field that would be refused; empty when the request may be sent.</summary>
    public IReadOnlyList<ValidationFailure> Failures { get; }

    /// <summary>True when nothing would be refused.</summary>
    public bool IsValid => Failures.Count == 0;

    internal string? Identity { get; }
}
