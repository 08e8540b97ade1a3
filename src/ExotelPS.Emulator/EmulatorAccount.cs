namespace ExotelPS.Emulator;

/// <summary>An account the emulator accepts.</summary>
public sealed record EmulatorAccount(string AccountSid, string ApiKey, string ApiToken)
{
    /// <summary>Reads <c>SID:KEY:TOKEN</c>.</summary>
    public static EmulatorAccount Parse(string text)
    {
        var parts = text.Split(':');
        return parts.Length == 3 && parts.All(part => part.Length > 0)
            ? new EmulatorAccount(parts[0], parts[1], parts[2])
            : throw new ArgumentException("Switch --account: expected SID:KEY:TOKEN.");
    }

    /// <summary>The SID only: the key and token are never printed.</summary>
    public override string ToString() => AccountSid;
}
