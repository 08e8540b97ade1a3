using System.Text.RegularExpressions;

namespace ExotelPS.Module.Tests.Help;

/// <summary>
/// A markdown page as PlatyPS reads it: YAML front matter between <c>---</c> lines, then headings nested by level,
/// each with the text under it. Lines inside fenced code are never headings (a PowerShell comment is not one).
/// </summary>
internal sealed class MarkdownPage
{
    private static readonly Regex HeadingLine = new(@"^(#{1,6})\s+(.*?)\s*$");

    private MarkdownPage(string name, IReadOnlyDictionary<string, object> frontMatter, MarkdownSection root)
    {
        Name = name;
        FrontMatter = frontMatter;
        Root = root;
    }

    /// <summary>The file name, for messages.</summary>
    public string Name { get; }

    public IReadOnlyDictionary<string, object> FrontMatter { get; }

    /// <summary>A level-0 section holding the page's top-level headings (and any text before them).</summary>
    public MarkdownSection Root { get; }

    public static MarkdownPage Load(string path) => Parse(Path.GetFileName(path), File.ReadAllText(path));

    public static MarkdownPage Parse(string name, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var frontMatter = (IReadOnlyDictionary<string, object>)new Dictionary<string, object>();
        var first = 0;
        if (lines[0] == "---")
        {
            var close = Array.IndexOf(lines, "---", 1);
            if (close < 0)
            {
                throw new FormatException($"{name}: the front matter opened on line 1 is never closed by a '---' line.");
            }

            frontMatter = YamlSubset.Parse(lines[1..close], name + " front matter");
            first = close + 1;
        }

        return new MarkdownPage(name, frontMatter, Nest(lines[first..]));
    }

    /// <summary>A front matter value, or null when the key is missing or not a scalar.</summary>
    public string? Meta(string key) => FrontMatter.TryGetValue(key, out var value) ? value as string : null;

    private static MarkdownSection Nest(IEnumerable<string> lines)
    {
        var root = new MarkdownSection(0, string.Empty);
        var open = new Stack<MarkdownSection>();
        open.Push(root);
        var inFence = false;
        foreach (var line in lines)
        {
            var heading = inFence ? null : HeadingLine.Match(line);
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }

            if (heading is { Success: true })
            {
                var section = new MarkdownSection(heading.Groups[1].Length, heading.Groups[2].Value);
                while (open.Peek().Level >= section.Level)
                {
                    open.Pop();
                }

                open.Peek().Children.Add(section);
                open.Push(section);
            }
            else
            {
                open.Peek().BodyLines.Add(line);
            }
        }

        return root;
    }
}
