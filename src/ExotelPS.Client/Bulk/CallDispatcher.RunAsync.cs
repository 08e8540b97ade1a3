using System.Runtime.CompilerServices;

namespace ExotelPS.Client;

/// <content>The async driver for .NET apps: the same dispatcher, fed from an enumerable instead of a pipeline thread.</content>
public sealed partial class CallDispatcher<TInput>
{
    /// <summary>
    /// For .NET apps: places every input and yields its result in input order as soon as it and all before it are done.
    /// </summary>
    /// <remarks>
    /// An <see cref="ExotelException"/> from <paramref name="toRequest"/> becomes that input's Rejected result. When
    /// cancelled, no further input is read, the results of the inputs already read are yielded, then
    /// <see cref="OperationCanceledException"/> is thrown.
    /// </remarks>
    public static IAsyncEnumerable<DispatchResult<TInput>> RunAsync(
        IEnumerable<TInput> inputs,
        Func<TInput, PlaceCallOptions> toRequest,
        Func<PlaceCallOptions, CancellationToken, Task<ExotelCall>> placeCall,
        DispatcherOptions? options = null,
        CallJournal? journal = null,
        CancellationToken cancellationToken = default)
    {
        _ = inputs ?? throw new ArgumentNullException(nameof(inputs));
        _ = toRequest ?? throw new ArgumentNullException(nameof(toRequest));
        _ = placeCall ?? throw new ArgumentNullException(nameof(placeCall));
        return Run(inputs, toRequest, placeCall, options, journal, cancellationToken);
    }

    private static async IAsyncEnumerable<DispatchResult<TInput>> Run(
        IEnumerable<TInput> inputs,
        Func<TInput, PlaceCallOptions> toRequest,
        Func<PlaceCallOptions, CancellationToken, Task<ExotelCall>> placeCall,
        DispatcherOptions? options,
        CallJournal? journal,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var dispatcher = new CallDispatcher<TInput>(placeCall, options, journal, cancellationToken);
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

            dispatcher.Accept(input, dispatcher.Check(request));
            foreach (var result in dispatcher.TakeReady())
            {
                yield return result;
            }
        }

        dispatcher.Complete();
        while (true)
        {
            foreach (var result in dispatcher.TakeReady())
            {
                yield return result;
            }

            if (dispatcher.backlog.Count == 0)
            {
                break;
            }

            // No token: once stopped, every posted input settles at once.
            await dispatcher.backlog.WaitForChangeAsync(CancellationToken.None).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        dispatcher.backlog.ThrowIfFailed();
    }

    // False when the run was stopped.
    private async Task<bool> WaitForRoomAsync()
    {
        try
        {
            ThrowIfClosed();
            while (!HasRoom())
            {
                await backlog.WaitForChangeAsync(stopToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return !stopToken.IsCancellationRequested;
    }
}
