namespace ExotelPS.Client;

/// <content>What the dispatcher knows about one posted row.</content>
public sealed partial class CallDispatcher<TInput>
{
    /// <summary>One posted input on its way to its result.</summary>
    private sealed class Slot : Turn<DispatchResult<TInput>>
    {
        private int claimed;

        public Slot(long index, TInput input, PlaceCallOptions? request, string? identity)
        {
            Index = index;
            Input = input;
            Request = request;
            Identity = identity;
        }

        public long Index { get; }

        public TInput Input { get; }

        public PlaceCallOptions? Request { get; }

        public string? Identity { get; }

        /// <summary>Handed to placeCall (under the gate).</summary>
        public bool Started { get; set; }

        /// <summary>Its request was let go onto the wire, its <c>sending</c> line written (under the gate).</summary>
        public bool OnTheWire { get; set; }

        /// <summary>The room its From gave it, with pacing (under the gate).</summary>
        public Pacing.FromLease? Lease { get; set; }

        /// <summary>True for the first caller only: the one that settles the slot.</summary>
        public bool TryClaim() => Interlocked.Exchange(ref claimed, 1) == 0;
    }
}
