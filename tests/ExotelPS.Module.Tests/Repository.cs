using System.Reflection;

namespace ExotelPS.Module.Tests;

/// <summary>Paths of the repository the tests were built from (build outputs may live elsewhere).</summary>
internal static class Repository
{
    public static string Root { get; } = typeof(Repository).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepositoryRoot")
        .Value!;

    public static string PathOf(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

    public static string ReadAllText(params string[] parts) => File.ReadAllText(PathOf(parts));
}
