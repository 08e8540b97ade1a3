using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// The lease a run holds on the journal's head blob: one run at a time. Acquired at open (a second run is refused,
/// naming how long a killed run's lease can last), renewed every third of <see cref="BlobStoreOptions.LeaseDuration"/>
/// on a timer, released at the end. Once storage says the lease is gone, <see cref="ThrowIfLost"/> stops every write.
/// </summary>
internal sealed class BlobLease : IDisposable
{
    private readonly BlobRest rest;
    private readonly Uri lease;
    private readonly string name;
    private readonly Timer renewer;
    private readonly object renewing = new();
    private volatile bool lost;
    private bool disposed;

    private BlobLease(BlobRest rest, Uri lease, string name, string id)
    {
        this.rest = rest;
        this.lease = lease;
        this.name = name;
        Id = id;
        var every = TimeSpan.FromTicks(BlobStoreOptions.LeaseDuration.Ticks / 3);
        renewer = new Timer(_ => Renew(), null, every, every);
    }

    /// <summary>The lease id every write to the head blob carries.</summary>
    public string Id { get; }

    /// <exception cref="IOException">Another run holds the lease, or storage refused or did not answer.</exception>
    public static BlobLease Acquire(BlobRest rest, BlobJournalAddress address)
    {
        // Proposing our own id makes a resent acquire (its answer lost) succeed as the same holder.
        var id = Guid.NewGuid().ToString();
        var uri = address.Segment(0, "comp=lease");
        var answer = rest.Send("lease", () => BlobRest.Request(
            HttpMethod.Put, uri, null, ("x-ms-lease-action", "acquire"), ("x-ms-lease-duration", ((int)BlobStoreOptions.LeaseDuration.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)), ("x-ms-proposed-lease-id", id)));
        if (answer.Status == 409 && answer.ErrorCode == "LeaseAlreadyPresent")
        {
            throw new IOException(EngineText.Format(EngineStrings.JournalBlobInUse, address.Name, (int)BlobStoreOptions.LeaseDuration.TotalSeconds));
        }

        BlobJournalStore.ThrowUnlessSuccess(answer, "lease", address.Name);
        return new BlobLease(rest, uri, address.Name, id);
    }

    /// <exception cref="IOException">Storage said the lease is no longer this run's.</exception>
    public void ThrowIfLost()
    {
        if (lost)
        {
            throw new IOException(EngineText.Format(EngineStrings.JournalBlobLeaseLost, name));
        }
    }

    /// <summary>Whether an answer says the lease this write carried is not (or no longer) held.</summary>
    public static bool IsLeaseRefusal(BlobAnswer answer) =>
        answer.Status is 409 or 412 && answer.ErrorCode is { } code && code.StartsWith("Lease", StringComparison.Ordinal);

    /// <summary>Renews at once (after a write was refused for its lease); false when the lease is gone.</summary>
    public bool Renew()
    {
        lock (renewing)
        {
            if (disposed || lost)
            {
                return !lost;
            }

            try
            {
                var answer = rest.Send("renew the lease of", () => BlobRest.Request(HttpMethod.Put, lease, null, ("x-ms-lease-action", "renew"), ("x-ms-lease-id", Id)));
                lost = IsLeaseRefusal(answer);
            }
            catch (IOException)
            {
                // Storage is out of reach; a write will say so. The next tick tries again (an expired lease that
                // nobody took in between can still be renewed).
            }

            return !lost;
        }
    }

    /// <summary>Stops renewing and releases the lease, once; if the release fails, the lease ends by itself within its duration.</summary>
    public void Dispose()
    {
        lock (renewing)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
        }

        renewer.Dispose();
        if (!lost)
        {
            try
            {
                rest.Send("release the lease of", () => BlobRest.Request(HttpMethod.Put, lease, null, ("x-ms-lease-action", "release"), ("x-ms-lease-id", Id)));
            }
            catch (IOException)
            {
                // Unreachable storage: the lease expires on its own.
            }
        }
    }
}
