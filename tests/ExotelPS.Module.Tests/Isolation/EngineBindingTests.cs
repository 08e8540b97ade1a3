using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace ExotelPS.Module.Tests.Isolation;

/// <summary>
/// ExotelPS.dll is compiled against the netstandard2.0 engine but PowerShell 7 runs it with the net8.0 engine, as
/// these tests do. A member whose signature differs between the two builds (an init-only setter, whose marker type
/// differs) would fail only at run time with MissingMethodException; this resolves every one ExotelPS.dll uses.
/// </summary>
public sealed class EngineBindingTests
{
    [Fact]
    public void Every_member_ExotelPS_uses_exists_in_the_net8_engine()
    {
        var module = typeof(ExotelSession).Module;
        using var pe = new PEReader(File.OpenRead(typeof(ExotelSession).Assembly.Location));
        var metadata = pe.GetMetadataReader();
        var missing = new List<string>();
        var resolved = 0;

        foreach (var handle in metadata.MemberReferences)
        {
            var token = MetadataTokens.GetToken(handle);
            try
            {
                if (module.ResolveMember(token)?.DeclaringType?.Assembly.GetName().Name == "ExotelPS.Client")
                {
                    resolved++;
                }
            }
            catch (Exception ex) when (ex is MissingMemberException or TypeLoadException)
            {
                missing.Add($"{metadata.GetString(metadata.GetMemberReference(handle).Name)}: {ex.Message}");
            }
            catch (ArgumentException)
            {
                // A member of a generic type instantiated over a method's own type parameters needs that context; not an engine member here.
            }
        }

        Assert.Empty(missing);
        Assert.True(resolved > 20, $"only {resolved} engine members were checked");
    }
}
