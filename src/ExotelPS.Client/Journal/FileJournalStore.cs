using ExotelPS.Client.Resources;

namespace ExotelPS.Client;

/// <summary>
/// A journal in a local file, locked while open (FileShare.None: a sharing lock on Windows, an flock on the file's
/// inode on Unix, so a second run is refused even through a symbolic or hard link), flushed to disk after each append.
/// A new file is created readable by its owner only on Linux and macOS: it holds customers' phone numbers.
/// </summary>
internal sealed class FileJournalStore : IJournalStore
{
    private readonly object writeLock = new();
    private readonly FileStream file;

    private FileJournalStore(string path, FileStream file)
    {
        Name = path;
        this.file = file;
    }

    public string Name { get; }

    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="IOException">The file cannot be opened, e.g. another run has it open.</exception>
    public static FileJournalStore Open(string path)
    {
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(EngineText.Format(EngineStrings.JournalFolderMissing, fullPath, folder));
        }

        try
        {
            return new FileJournalStore(fullPath, OpenLocked(fullPath));
        }
        catch (IOException e) when (e.GetType() == typeof(IOException))
        {
            throw new IOException(EngineText.Format(EngineStrings.JournalInUse, fullPath, e.Message), e);
        }
    }

    public T ReadAll<T>(Func<Stream, T> read)
    {
        lock (writeLock)
        {
            file.Seek(0, SeekOrigin.Begin);
            try
            {
                // Read to the end: under the lock nobody else writes. A device says its length is 0 and may read on
                // forever (/dev/full gives zeros): nothing was written there.
                return read(file.Length == 0 ? Stream.Null : file);
            }
            finally
            {
                file.Seek(0, SeekOrigin.End);
            }
        }
    }

    public void CutTail(long length)
    {
        file.SetLength(length);
        file.Seek(0, SeekOrigin.End);
    }

    // Written and flushed on the caller's thread: a local disk answers in a fraction of a millisecond.
    public Task AppendAsync(byte[] lines)
    {
        lock (writeLock)
        {
            file.Write(lines, 0, lines.Length);
            file.Flush(flushToDisk: true);
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        lock (writeLock)
        {
            file.Dispose();
        }
    }

    private static FileStream OpenLocked(string path)
    {
#if NET
        if (!OperatingSystem.IsWindows())
        {
            return new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate,
                Access = FileAccess.ReadWrite,
                Share = FileShare.None,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
#endif
        // netstandard2.0 runs only in Windows PowerShell 5.1, on Windows: the file takes its folder's ACL.
        return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
    }
}
