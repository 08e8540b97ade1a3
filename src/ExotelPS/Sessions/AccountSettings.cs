using System.Security;
using ExotelPS.Client;

namespace ExotelPS.Sessions;

/// <summary>What Connect-ExotelAccount was given; anything left null falls back to an environment variable.</summary>
internal sealed class AccountSettings
{
    public string? AccountSid { get; set; }

    public string? ApiKey { get; set; }

    public SecureString? ApiToken { get; set; }

    public string? Region { get; set; }

    public Uri? BaseUri { get; set; }
}
