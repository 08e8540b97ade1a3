namespace ExotelPS.Client.Sandbox;

/// <summary>Trickles a body out in small pieces over a given time: the slow-body fault, for any transport.</summary>
public static class SlowBody
{
    private const int Pieces = 10;

    /// <summary>Writes <paramref name="body"/> to <paramref name="target"/>, flushing each piece, over about <paramref name="duration"/>.</summary>
    public static async Task WriteAsync(Stream target, byte[] body, TimeSpan duration, CancellationToken cancellationToken)
    {
        var pieceSize = Math.Max(1, (body.Length + Pieces - 1) / Pieces);
        var pause = TimeSpan.FromTicks(duration.Ticks / Pieces);
        for (var offset = 0; offset < body.Length; offset += pieceSize)
        {
            await target.WriteAsync(body, offset, Math.Min(pieceSize, body.Length - offset), cancellationToken).ConfigureAwait(false);
            await target.FlushAsync(cancellationToken).ConfigureAwait(false);
            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
        }
    }
}
