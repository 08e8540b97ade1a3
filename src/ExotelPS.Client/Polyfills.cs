#if !NET5_0_OR_GREATER
// netstandard2.0 lacks the marker type that C# 9 init accessors compile against.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}
#endif

#if NET8_0_OR_GREATER
namespace System.Threading.Tasks
{
    /// <summary>
    /// The extension forms of a delay and a timeout on a <see cref="TimeProvider"/> that Microsoft.Bcl.TimeProvider gives
    /// netstandard2.0, over .NET 8's own <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/> and
    /// <see cref="CancellationTokenSource(TimeSpan, TimeProvider)"/>: both builds make the same call.
    /// </summary>
    internal static class TimeProviderTaskExtensions
    {
        public static Task Delay(this TimeProvider timeProvider, TimeSpan delay, CancellationToken cancellationToken = default) =>
            Task.Delay(delay, timeProvider, cancellationToken);

        public static CancellationTokenSource CreateCancellationTokenSource(this TimeProvider timeProvider, TimeSpan delay) =>
            new(delay, timeProvider);
    }
}
#endif
