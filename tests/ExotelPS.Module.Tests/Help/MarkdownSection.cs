using System.Text.RegularExpressions;

namespace ExotelPS.Module.Tests.Help;

/// <summary>A heading, the text directly under it, and the headings nested below it.</summary>
internal sealed class MarkdownSection
{
    private static readonly Regex Fence = new(@"^[ \t]*```[ \t]*(?<info>\S*)[ \t]*\n(?<code>.*?)^[ \t]*```[ \t]*$", RegexOptions.Singleline | RegexOptions.Multiline);

    public MarkdownSection(int level, string title)
    {
        Level = level;
        Title = title;
    }

    public int Level { get; }

    public string Title { get; }

    public List<string> BodyLines { get; } = new();

    public List<MarkdownSection> Children { get; } = new();

    /// <summary>The text directly under the heading, before any nested heading.</summary>
    public string Body => string.Join("\n", BodyLines).Trim();

    /// <summary>The body without its fenced code blocks: the prose.</summary>
    public string Prose => Fence.Replace(Body, string.Empty).Trim();

    /// <summary>The fenced code blocks of the body, with their info strings (powershell, yaml, or empty).</summary>
    public IReadOnlyList<(string Info, string Code)> CodeBlocks =>
        Fence.Matches(Body).Select(match => (match.Groups["info"].Value, match.Groups["code"].Value.TrimEnd())).ToArray();

    /// <summary>The body with every nested section's heading and text, as a reader sees it.</summary>
    public string AllText => string.Join("\n", new[] { Title, Body }.Concat(Children.Select(child => child.AllText)));

    public MarkdownSection? Child(string title) => Children.FirstOrDefault(child => child.Title == title);
}
