namespace ExotelPS.Client;

/// <summary>
/// A row's request, checked once by <see cref="CallDispatcher{TInput}.Check"/>: its journal identity, every failure
/// found in it (the request's fields, the identity, and whatever the caller found in the row itself), and the form its
/// fields make, which is what is sent: nothing is checked twice.
/// </summary>
public sealed class CheckedRequest
{
    private readonly List<KeyValuePair<string, string>> form;

    internal CheckedRequest(PlaceCallOptions request, string? identity, IReadOnlyList<ValidationFailure> failures, List<KeyValuePair<string, string>> form)
    {
        Request = request;
        Identity = identity;
        Failures = failures;
        this.form = form;
    }

    /// <summary>The request as checked.</summary>
    public PlaceCallOptions Request { get; }

    /// <summary>Every field that would be refused; empty when the request may be sent.</summary>
    public IReadOnlyList<ValidationFailure> Failures { get; }

    /// <summary>True when nothing would be refused.</summary>
    public bool IsValid => Failures.Count == 0;

    internal string? Identity { get; }

    /// <summary>The form fields, as checked, in Exotel's documented order.</summary>
    internal IReadOnlyList<KeyValuePair<string, string>> Form => form;

    /// <summary>
    /// A pool row's agent, given as it starts (the pacer sets the request's From): the form gets it too, first, where
    /// both kinds of call list From; a campaign's redial replaces the agent of the attempt before. The pool's numbers
    /// were checked when the run started.
    /// </summary>
    internal void AssignFrom(string agent)
    {
        form.RemoveAll(field => field.Key == WireField.From);
        form.Insert(0, new KeyValuePair<string, string>(WireField.From, PhoneNumber.TryNormalize(agent, out _) ?? agent));
    }
}
