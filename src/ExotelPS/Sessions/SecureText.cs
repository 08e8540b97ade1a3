using System.Runtime.InteropServices;
using System.Security;

namespace ExotelPS.Sessions;

/// <summary>Reads a SecureString only at the moment the plain text is needed, zeroing the unmanaged copy.</summary>
internal static class SecureText
{
    public static string Reveal(SecureString secure)
    {
        var buffer = IntPtr.Zero;
        try
        {
            buffer = Marshal.SecureStringToGlobalAllocUnicode(secure);
            return Marshal.PtrToStringUni(buffer) ?? string.Empty;
        }
        finally
        {
            if (buffer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(buffer);
            }
        }
    }
}
