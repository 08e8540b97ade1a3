using ExotelPS.Client;
using ExotelPS.Resources;

namespace ExotelPS.Sessions;

/// <summary>
/// Turns parameters plus environment variables into an <see cref="ExotelAccount"/>. Each setting is taken from its
/// parameter when given, else from its variable, so a runbook can keep the token in an Automation credential
/// and the SID in a variable. The token becomes plain text only inside <see cref="Resolve"/>.
/// </summary>
internal static class AccountResolver
{
    public const string AccountSidVariable = "EXOTEL_ACCOUNT_SID";
    public const string ApiKeyVariable = "EXOTEL_API_KEY";
    public const string ApiTokenVariable = "EXOTEL_API_TOKEN";
    public const string RegionVariable = "EXOTEL_REGION";

    /// <exception cref="ArgumentException">A setting is missing or invalid; the message names it, never its secret value.</exception>
    public static ExotelAccount Resolve(AccountSettings given, Func<string, string?> environment)
    {
        var accountSid = Require(given.AccountSid, environment, "An account SID", "AccountSid", AccountSidVariable);
        var apiKey = Require(given.ApiKey, environment, "An API key", "Credential (user name) or -ApiKey", ApiKeyVariable);
        var region = RegionFrom(string.IsNullOrWhiteSpace(given.Region) ? environment(RegionVariable) : given.Region);
        var apiToken = given.ApiToken is { Length: > 0 } secure
            ? SecureText.Reveal(secure)
            : Require(null, environment, "An API token", "Credential (password) or -ApiToken", ApiTokenVariable);
        return given.BaseUri is null
            ? new ExotelAccount(accountSid, apiKey, apiToken, region)
            : new ExotelAccount(accountSid, apiKey, apiToken, given.BaseUri);
    }

    private static string Require(string? given, Func<string, string?> environment, string what, string parameter, string variable)
    {
        var value = string.IsNullOrWhiteSpace(given) ? environment(variable) : given;
        return string.IsNullOrWhiteSpace(value)
            ? throw new ArgumentException(Text.Format(Strings.MissingSetting, what, parameter, variable), parameter)
            : value!;
    }

    private static ExotelRegion RegionFrom(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ExotelRegion.Singapore;
        }

        // Names only: Enum.TryParse would also take "1".
        var region = Enum.GetValues(typeof(ExotelRegion)).Cast<ExotelRegion>()
            .Where(candidate => string.Equals(candidate.ToString(), text!.Trim(), StringComparison.OrdinalIgnoreCase))
            .Select(candidate => (ExotelRegion?)candidate)
            .FirstOrDefault();
        return region ?? throw new ArgumentException(
            Text.Format(Strings.InvalidRegionVariable, RegionVariable, text, string.Join(", ", Enum.GetNames(typeof(ExotelRegion)))),
            "Region");
    }
}
