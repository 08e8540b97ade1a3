namespace ExotelPS.Client;

/// <summary>
/// The functions <see cref="CallDispatcher{TInput}"/> places calls with: each takes the checked request, a callback to
/// call just before the request goes on the wire (the dispatcher journals the row there; when it throws, nothing may
/// be sent; awaited, so a row waiting on slow storage holds no thread), and the run's token.
/// </summary>
internal static class PlaceCall
{
    /// <summary>
    /// Through the client, with the form checked when the row was posted, in the place in flight the window took for the
    /// row at the account's gate; the client calls back once the account's rate limit has let the request go.
    /// </summary>
    public static Func<CheckedRequest, Func<Task>, CancellationToken, Task<ExotelCall>> Through(ExotelClient client) =>
        (request, beforeSending, cancellationToken) => client.SendCallAsync(request.Form, beforeSending, holdsPlace: true, cancellationToken);

    /// <summary>Through a function that cannot say when its request leaves: the callback comes first.</summary>
    public static Func<CheckedRequest, Func<Task>, CancellationToken, Task<ExotelCall>> SendingFirst(
        Func<PlaceCallOptions, CancellationToken, Task<ExotelCall>> placeCall) =>
        async (request, beforeSending, cancellationToken) =>
        {
            await beforeSending().ConfigureAwait(false);
            return await placeCall(request.Request, cancellationToken).ConfigureAwait(false);
        };
}
