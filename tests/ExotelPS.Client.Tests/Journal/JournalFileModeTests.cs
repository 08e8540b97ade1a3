namespace ExotelPS.Client.Tests.Journal;

public sealed class JournalFileModeTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("exotelps-journal-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void A_new_journal_is_readable_by_its_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows files take their folder's ACL; there is no mode to set.
        }

        var path = Path.Combine(folder, "calls.jsonl");
        using (CallJournal.Open(path))
        {
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }
}
