using ExotelPS.Client.Pacing;

namespace ExotelPS.Pipeline;

/// <summary>What -MaxCallsPerFrom, -WrapUpSeconds and -AgentPool ask of the dispatcher.</summary>
internal static class PacingParameters
{
    /// <summary>The pacing asked for; null (place every row as fast as the limits allow) for -MaxCallsPerFrom 0 with nothing else.</summary>
    public static PacingOptions? Options(int maxCallsPerFrom, int wrapUpSeconds, IReadOnlyList<string> agentPool) =>
        maxCallsPerFrom == 0 && wrapUpSeconds == 0 && agentPool.Count == 0
            ? null
            : new PacingOptions
            {
                MaxCallsPerFrom = maxCallsPerFrom,
                WrapUp = TimeSpan.FromSeconds(wrapUpSeconds),
                AgentPool = agentPool.ToList(),
            };
}
