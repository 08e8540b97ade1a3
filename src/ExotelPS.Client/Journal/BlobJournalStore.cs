using System.Globalization;
using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// A journal in Azure append blobs, for runs whose disk does not outlive them (Azure Automation, CI runners,
/// containers). Each group of lines is one Append Block under the append-position condition, so a block resent after
/// its answer was lost is never written twice (the blob is read back at that position instead). The head blob's lease
/// keeps out a second run. An append blob holds 50,000 blocks: the journal then goes on in <c>name.1</c>,
/// <c>name.2</c>, ... (a SAS for the container covers them), read back in that order.
/// </summary>
internal sealed class BlobJournalStore : IJournalStore
{
    // Azure's largest append block.
    private const int MaxBlockBytes = 4 * 1024 * 1024;

    private readonly BlobJournalAddress address;
    private readonly BlobRest rest;
    private readonly BlobLease lease;
    private readonly GroupAppend group;
    private readonly int blocksPerBlob;
    private byte[] earlierRuns;
    private int segment;
    private long position;
    private int blocks;

    private BlobJournalStore(BlobJournalAddress address, BlobRest rest, BlobLease lease, BlobStoreOptions options)
    {
        this.address = address;
        this.rest = rest;
        this.lease = lease;
        blocksPerBlob = options.BlocksPerBlob;
        group = new GroupAppend(Write, MaxBlockBytes, address.Name);
        earlierRuns = Array.Empty<byte>();
    }

    public string Name => address.Name;

    /// <summary>Creates the head blob if needed, takes its lease, and reads every blob of the journal.</summary>
    /// <exception cref="IOException">The SAS is expired or refused, the container is missing, another run holds the lease, or storage did not answer.</exception>
    public static BlobJournalStore Open(BlobJournalAddress address, BlobStoreOptions? options = null)
    {
        options ??= new BlobStoreOptions();
        ThrowIfExpired(address);

        var rest = new BlobRest(address, options);
        try
        {
            CreateIfMissing(rest, address, 0);
            var lease = BlobLease.Acquire(rest, address);
            var store = new BlobJournalStore(address, rest, lease, options);
            try
            {
                store.ReadSegments();
                return store;
            }
            catch
            {
                store.Dispose();
                throw;
            }
        }
        catch (Exception) when (Dispose(rest))
        {
            throw;
        }
    }

    /// <summary>
    /// Reads every blob of the journal without creating it or taking its lease, so a report reads a journal a run holds.
    /// </summary>
    /// <exception cref="IOException">The SAS is expired or refused, the journal or its container is missing, or storage did not answer.</exception>
    public static byte[] ReadWithoutLease(BlobJournalAddress address, BlobStoreOptions? options = null)
    {
        ThrowIfExpired(address);
        using var rest = new BlobRest(address, options ?? new BlobStoreOptions());
        return ReadSegments(rest, address).Content;
    }

    // The blobs were read at open, to learn where the next append goes; handed on once, then let go.
    public T ReadAll<T>(Func<Stream, T> read)
    {
        using var content = new MemoryStream(earlierRuns, writable: false);
        earlierRuns = Array.Empty<byte>();
        return read(content);
    }

    /// <summary>Appends are whole blocks of whole lines, so this store never leaves a torn line: another writer did.</summary>
    public void CutTail(long length) => throw new InvalidDataException(EngineText.Format(EngineStrings.JournalBlobTorn, address.Name));

    public Task AppendAsync(byte[] lines) => group.AppendAsync(lines);

    public void Dispose()
    {
        group.Dispose();
        lease.Dispose();
        rest.Dispose();
    }

    /// <summary>Throws the error that says why storage refused <paramref name="action"/>, unless it succeeded.</summary>
    internal static void ThrowUnlessSuccess(BlobAnswer answer, string action, string name)
    {
        if (answer.IsSuccess)
        {
            return;
        }

        var hint = answer.ErrorCode switch
        {
            "ContainerNotFound" => EngineStrings.JournalContainerMissing,
            "AuthorizationPermissionMismatch" => EngineStrings.JournalSasLacksPermission,
            _ when answer.Status == 403 => EngineStrings.JournalSasNotAccepted,
            _ => string.Empty,
        };
        throw new IOException(EngineText.Format(EngineStrings.JournalBlobRefused, action, name, answer.Status, answer.ErrorCode, hint).TrimEnd());
    }

    private static void ThrowIfExpired(BlobJournalAddress address)
    {
        if (address.ExpiresAt is { } expiry && expiry <= DateTimeOffset.UtcNow)
        {
            throw new IOException(EngineText.Format(EngineStrings.JournalSasExpired, address.Name, expiry.ToString("u", CultureInfo.InvariantCulture)));
        }
    }

    private static bool Dispose(IDisposable resource)
    {
        resource.Dispose();
        return false;
    }

    private static void CreateIfMissing(BlobRest rest, BlobJournalAddress address, int segment)
    {
        var answer = rest.Send("create", () => BlobRest.Request(
            HttpMethod.Put, address.Segment(segment), null, ("x-ms-blob-type", "AppendBlob"), ("If-None-Match", "*")));
        var exists = answer.Status == 409 && answer.ErrorCode == "BlobAlreadyExists"
            || answer.Status == 412
            || BlobLease.IsLeaseRefusal(answer);
        if (!exists)
        {
            ThrowUnlessSuccess(answer, "create", address.SegmentName(segment));
        }
    }

    private void ReadSegments()
    {
        (earlierRuns, segment, position, blocks) = ReadSegments(rest, address);
    }

    /// <summary>Every blob of the journal in order, with where the last one ends (its number, length and block count).</summary>
    private static (byte[] Content, int Segment, long Position, int Blocks) ReadSegments(BlobRest rest, BlobJournalAddress address)
    {
        using var content = new MemoryStream();
        var last = (Segment: 0, Position: 0L, Blocks: 0);
        for (var next = 0; ; next++)
        {
            var answer = rest.Send("read", () => BlobRest.Request(HttpMethod.Get, address.Segment(next)));
            if (next > 0 && answer.Status == 404)
            {
                break;
            }

            ThrowUnlessSuccess(answer, "read", address.SegmentName(next));
            if (answer.BlobType != "AppendBlob")
            {
                throw new IOException(EngineText.Format(EngineStrings.JournalBlobNotAppend, address.SegmentName(next)));
            }

            content.Write(answer.Body, 0, answer.Body.Length);
            last = (next, answer.Body.Length, answer.BlockCount ?? 0);
        }

        return (content.ToArray(), last.Segment, last.Position, last.Blocks);
    }

    private void Write(byte[] lines)
    {
        lease.ThrowIfLost();
        if (blocks >= blocksPerBlob)
        {
            CreateIfMissing(rest, address, segment + 1);
            (segment, position, blocks) = (segment + 1, 0, 0);
            ThrowUnlessHeldAt(0, 0);
        }

        var uri = address.Segment(segment, "comp=appendblock");
        for (var renewed = false; ; renewed = true)
        {
            var answer = rest.Send("append to", () => BlobRest.Request(
                HttpMethod.Put,
                uri,
                lines,
                ("x-ms-blob-condition-appendpos", position.ToString(CultureInfo.InvariantCulture)),
                ("x-ms-lease-id", segment == 0 ? lease.Id : null)));
            if (answer.IsSuccess || (answer.ErrorCode == "AppendPositionConditionNotMet" && answer.Attempt > 0 && ThrowUnlessHeldAt(position, lines.Length, lines)))
            {
                position += lines.Length;
                blocks = answer.BlockCount ?? blocks + 1;
                return;
            }

            if (answer.ErrorCode == "AppendPositionConditionNotMet")
            {
                ThrowUnlessHeldAt(position, 0);
            }

            // The lease may have lapsed while storage was out of reach; renewed, the same append goes again.
            if (renewed || !(BlobLease.IsLeaseRefusal(answer) && segment == 0 && lease.Renew()))
            {
                lease.ThrowIfLost();
                ThrowUnlessSuccess(answer, "append to", address.SegmentName(segment));
            }
        }
    }

    /// <summary>
    /// True when the current blob is <paramref name="at"/> + <paramref name="length"/> bytes long and ends with
    /// <paramref name="lines"/> (a resent append whose first try was written); else throws: someone else wrote.
    /// </summary>
    private bool ThrowUnlessHeldAt(long at, int length, byte[]? lines = null)
    {
        var answer = rest.Send("read", () => BlobRest.Request(HttpMethod.Get, address.Segment(segment)));
        ThrowUnlessSuccess(answer, "read", address.SegmentName(segment));
        var body = answer.Body;
        if (body.Length == at + length && (lines is null || body.Skip((int)at).SequenceEqual(lines)))
        {
            return true;
        }

        throw new IOException(EngineText.Format(EngineStrings.JournalBlobWrittenByOther, address.SegmentName(segment), body.Length, at + length));
    }
}
