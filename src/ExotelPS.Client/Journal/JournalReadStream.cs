using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ExotelPS.Client;

/// <summary>
/// Opens a journal to read it, without taking or waiting for the writer's lock, so a report reads a journal a run
/// is writing. Read-only: a reader can never change the file.
/// </summary>
internal static class JournalReadStream
{
    // Windows: a sharing violation (ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION) as an HRESULT.
    private const int SharingViolation = unchecked((int)0x80070020);
    private const int LockViolation = unchecked((int)0x80070021);

    // open(2)'s O_RDONLY, and the errno values ENOENT and EACCES (the same on Linux and macOS).
    private const int ReadOnly = 0;
    private const int NoSuchFile = 2;
    private const int PermissionDenied = 13;

    /// <exception cref="FileNotFoundException">No journal at <paramref name="path"/>.</exception>
    /// <exception cref="JournalLockedException">On Windows, a run holds the journal open.</exception>
    public static FileStream Open(string path)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            try
            {
                return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            }
            catch (IOException e) when (e.HResult is SharingViolation or LockViolation)
            {
                throw new JournalLockedException(path, e);
            }
        }

        // .NET takes a shared flock for any FileStream opened for reading on Unix, which the writer's exclusive flock
        // refuses; only the process-wide System.IO.DisableFileLocking switch avoids it, and that would drop the
        // writer's lock too. open(2) takes no lock.
        var fd = NativeOpen(System.Text.Encoding.UTF8.GetBytes(path + "\0"), ReadOnly);
        if (fd < 0)
        {
            var errno = Marshal.GetLastWin32Error();
            var reason = new System.ComponentModel.Win32Exception(errno).Message;
            throw errno switch
            {
                NoSuchFile => new FileNotFoundException(reason, path),
                PermissionDenied => new UnauthorizedAccessException(reason),
                _ => new IOException(reason),
            };
        }

        var handle = new SafeFileHandle((IntPtr)fd, ownsHandle: true);
        try
        {
            return new FileStream(handle, FileAccess.Read);
        }
        catch
        {
            // Not a file (a folder, say): FileStream refuses the handle, which is closed here rather than left to a finalizer.
            handle.Dispose();
            throw;
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int NativeOpen(byte[] nulTerminatedUtf8Path, int flags);
}
