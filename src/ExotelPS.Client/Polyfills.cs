#if !NET5_0_OR_GREATER
// netstandard2.0 lacks the marker type that C# 9 init accessors compile against.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
#endif
