using System.Runtime.CompilerServices;

namespace ExotelPS.Client;

/// <summary>The async driver for .NET apps: a dispatcher fed from an enumerable instead of a pipeline thread.</summary>
internal static class DispatchStream<TInput>
{
    /// <summary>
    /// Posts every input as room allows and yields each result in input order; an <see cref="ExotelException"/> from
    /// <paramref name="toRequest"/> is that input's Invalid result. The dispatcher is created when the results are first
    /// asked for, and disposed at the end.
    /// </summary>
    public static async IAsyncEnumerable<DispatchResult<TInput>> Run(
        IEnumerable<TInput> inputs,
        Func<TInput, PlaceCallOptions> toRequest,
        Func<CallDispatcher<TInput>> start,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var dispatcher = start();
        foreach (var input in inputs)
        {
            if (!await dispatcher.WaitForRoomAsync().ConfigureAwait(false))
            {
                break;
            }

            PlaceCallOptions request;
            try
            {
                request = toRequest(input);
            }
            catch (ExotelException e)
            {
                dispatcher.PostFailure(input, e);
                continue;
            }

            dispatcher.Admit(input, dispatcher.Check(request));
            foreach (var result in dispatcher.TakeReady())
            {
                yield return result;
            }
        }

        dispatcher.Complete();
        var results = dispatcher.Admission;
        while (true)
        {
            foreach (var result in results.TakeReady())
            {
                yield return result;
            }

            if (results.Untaken == 0)
            {
                break;
            }

            // No token: once stopped, every posted input settles at once.
            await results.WaitForChangeAsync(CancellationToken.None).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        results.ThrowIfFailed();
    }
}
