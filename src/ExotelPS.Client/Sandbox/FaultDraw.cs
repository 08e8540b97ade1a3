namespace ExotelPS.Client.Sandbox;

/// <summary>Which fault, if any, strikes one request, and whether it strikes before the request is carried out.</summary>
internal static class FaultDraw
{
    /// <summary>
    /// The placing faults (<see cref="FaultSettings.DropBeforePlacingRate"/>, <see cref="FaultSettings.AnswerLostRate"/>)
    /// come first for a call placement; then the general ones: a 500 or a drop strikes before or after (a coin toss),
    /// an injected 429 always before, as Exotel's limit does. Draws for the placing faults only when they are asked
    /// for, so a seed gives the faults it always gave.
    /// </summary>
    public static (FaultKind? Kind, bool StrikesBefore) Next(Random random, FaultSettings settings, bool placingCall)
    {
        if (placingCall && settings.DropBeforePlacingRate + settings.AnswerLostRate > 0)
        {
            var placing = random.NextDouble();
            if (placing < settings.DropBeforePlacingRate)
            {
                return (FaultKind.Drop, true);
            }

            if (placing < settings.DropBeforePlacingRate + settings.AnswerLostRate)
            {
                return (random.NextDouble() < 0.5 ? FaultKind.Drop : FaultKind.ServerError, false);
            }
        }

        // 429 takes the lowest slice of the draw, so with no 429s asked for, a seed gives the faults it always gave.
        var draw = random.NextDouble() - settings.RateLimitRate;
        FaultKind? kind = draw < 0 ? FaultKind.RateLimited
            : draw < settings.DropRate ? FaultKind.Drop
            : draw < settings.DropRate + settings.ErrorRate ? FaultKind.ServerError
            : random.NextDouble() < settings.SlowRate ? FaultKind.SlowBody
            : null;
        return (kind, kind is FaultKind.Drop or FaultKind.ServerError && random.NextDouble() < 0.5);
    }
}
