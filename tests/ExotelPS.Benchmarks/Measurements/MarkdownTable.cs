namespace ExotelPS.Benchmarks.Measurements;

/// <summary>Prints results as a Markdown table, ready to paste into docs/performance.md.</summary>
internal sealed class MarkdownTable
{
    private readonly string[] header;
    private readonly List<string[]> rows = new();

    public MarkdownTable(params string[] header) => this.header = header;

    public void Add(params string[] cells) => rows.Add(cells);

    public void Print(TextWriter output)
    {
        output.WriteLine("| " + string.Join(" | ", header) + " |");
        output.WriteLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (var row in rows)
        {
            output.WriteLine("| " + string.Join(" | ", row) + " |");
        }

        output.WriteLine();
    }
}
