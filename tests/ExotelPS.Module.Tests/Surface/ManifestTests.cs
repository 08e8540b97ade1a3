using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ExotelPS.Module.Tests.Surface;

/// <summary>ExotelPS.psd1 read as text (there is no PowerShell here to Import-PowerShellDataFile it).</summary>
public sealed class ManifestTests
{
    private static readonly string Manifest = Repository.ReadAllText("ExotelPS.psd1");

    [Fact]
    public void CmdletsToExport_lists_exactly_the_cmdlet_classes()
    {
        var exported = Regex.Matches(ListOf("CmdletsToExport"), "'([^']+)'").Select(match => match.Groups[1].Value);

        Assert.Equal(CmdletMetadata.CmdletTypes.Select(CmdletMetadata.CmdletName).OrderBy(name => name), exported.OrderBy(name => name));
    }

    [Theory]
    [InlineData("FunctionsToExport")]
    [InlineData("AliasesToExport")]
    [InlineData("VariablesToExport")]
    public void Nothing_but_cmdlets_is_exported(string key)
    {
        Assert.Equal(string.Empty, ListOf(key).Trim());
    }

    [Theory]
    [InlineData("RootModule", "ExotelPS.dll")]
    [InlineData("PowerShellVersion", "5.1")]
    [InlineData("DotNetFrameworkVersion", "4.7.2")]
    [InlineData("CLRVersion", "4.0")]
    public void Scalar_settings_have_their_values(string key, string expected)
    {
        Assert.Equal(expected, Scalar(key));
    }

    [Fact]
    public void The_module_version_is_the_assembly_version()
    {
        var version = CmdletMetadata.ModuleAssembly.GetName().Version!;

        Assert.Equal($"{version.Major}.{version.Minor}.{version.Build}", Scalar("ModuleVersion"));
    }

    [Fact]
    public void Both_editions_are_supported()
    {
        Assert.Equal(new[] { "Desktop", "Core" }, Regex.Matches(ListOf("CompatiblePSEditions"), "'([^']+)'").Select(match => match.Groups[1].Value));
    }

    [Fact]
    public void The_module_has_a_GUID()
    {
        Assert.True(Guid.TryParse(Scalar("GUID"), out var guid) && guid != Guid.Empty);
    }

    [Theory]
    [InlineData("Tags")]
    [InlineData("ProjectUri")]
    [InlineData("LicenseUri")]
    [InlineData("ReleaseNotes")]
    public void Gallery_metadata_is_present(string key)
    {
        var psData = Manifest[Manifest.IndexOf("PSData", StringComparison.Ordinal)..];

        Assert.Matches(new Regex(@"^\s*" + key + @"\s*=\s*\S", RegexOptions.Multiline), psData);
    }

    [Fact]
    public void The_format_file_exists_and_has_the_call_table_and_session_views()
    {
        var formatFile = Regex.Match(ListOf("FormatsToProcess"), "'([^']+)'").Groups[1].Value;
        var format = XDocument.Load(Repository.PathOf("src", "ExotelPS", formatFile));
        var views = format.Descendants("View").ToDictionary(view => (string)view.Element("Name")!);

        var callColumns = views["ExotelPS.Call"].Descendants("TableColumnItem").Select(item => (string)item.Element("PropertyName")!);
        Assert.Equal(new[] { "Sid", "Status", "From", "To", "DateCreated", "Duration" }, callColumns);
        Assert.Contains("ExotelPS.Call", views["ExotelPS.Call"].Descendants("TypeName").Select(name => name.Value));

        var sessionItems = views["ExotelPS.ExotelSession"].Descendants("PropertyName").Select(name => name.Value).ToArray();
        Assert.Contains(typeof(ExotelSession).FullName, views["ExotelPS.ExotelSession"].Descendants("TypeName").Select(name => name.Value));
        Assert.All(sessionItems, item => Assert.NotNull(typeof(ExotelSession).GetProperty(item)));
        Assert.Superset(new HashSet<string> { "AccountSid", "Region", "BaseUri", "RequestsPerMinute", "ThrottleLimit", "IsSandbox" }, new HashSet<string>(sessionItems));
    }

    private static string Scalar(string key) =>
        Regex.Match(Manifest, @"^\s*" + key + @"\s*=\s*'([^']*)'", RegexOptions.Multiline) is { Success: true } match
            ? match.Groups[1].Value
            : throw new KeyNotFoundException(key);

    private static string ListOf(string key) =>
        Regex.Match(Manifest, @"^\s*" + key + @"\s*=\s*@\(([^)]*)\)", RegexOptions.Multiline) is { Success: true } match
            ? match.Groups[1].Value
            : throw new KeyNotFoundException(key);
}
