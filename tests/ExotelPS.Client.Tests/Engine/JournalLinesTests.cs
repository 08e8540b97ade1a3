using System.Text;

namespace ExotelPS.Client.Tests.Engine;

public sealed class JournalLinesTests
{
    [Theory]
    [InlineData(7)]
    [InlineData(1 << 20)]
    public void Lines_split_between_reads_or_longer_than_a_chunk_read_whole_and_a_torn_tail_is_found(int bytesPerRead)
    {
        // Read a chunk at a time (a 100,000-row journal is some 160 MB): a line may end in the next chunk, or outgrow one.
        var longField = new string('x', 100_000);
        var whole =
            "\uFEFF{\"at\":\"2026-12-07T06:30:00Z\",\"key\":\"row-a\",\"by\":\"default\",\"outcome\":\"placed\",\"sid\":\"sid-a\"}\r\n" +
            "{\"at\":\"2026-12-07T06:31:00Z\",\"key\":\"row-b\",\"by\":\"default\",\"outcome\":\"placed\",\"sid\":\"sid-b\",\"customField\":\"" + longField + "\"}\n" +
            "\n";
        var torn = "{\"at\":\"2026-12-07T06:32:00Z\",\"key\":\"row-c\"";
        var memory = new JournalMemory();

        var (recordedBy, tornFrom) = JournalLines.Read(new Trickle(Encoding.UTF8.GetBytes(whole + torn), bytesPerRead), "test", memory);

        Assert.Equal("default", recordedBy);
        Assert.Equal(("sid-a", "sid-b"), (memory.Find("row-a")!.Sid, memory.Find("row-b")!.Sid));
        Assert.Null(memory.Find("row-c"));
        Assert.Equal(Encoding.UTF8.GetByteCount(whole), tornFrom);
    }

    [Fact]
    public void A_damaged_line_past_the_first_chunk_is_named_by_its_number()
    {
        var lines = string.Concat(Enumerable.Range(0, 2000).Select(row =>
            $"{{\"at\":\"2026-12-07T06:30:00Z\",\"key\":\"row-{row}\",\"by\":\"default\",\"outcome\":\"placed\",\"sid\":\"sid-{row}\"}}\n"));

        var error = Assert.Throws<InvalidDataException>(() =>
            JournalLines.Read(new MemoryStream(Encoding.UTF8.GetBytes(lines + "{damaged\n")), "calls.jsonl", new JournalMemory()));

        Assert.StartsWith("Line 2001 of the journal", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A stream that gives at most a few bytes a read, as a network or a pipe may.</summary>
    private sealed class Trickle : MemoryStream
    {
        private readonly int most;

        public Trickle(byte[] content, int most)
            : base(content)
        {
            this.most = most;
        }

        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, most));
    }
}
