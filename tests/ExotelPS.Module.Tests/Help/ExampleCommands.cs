using System.Text.RegularExpressions;

namespace ExotelPS.Module.Tests.Help;

/// <summary>
/// Finds the ExotelPS commands a PowerShell snippet runs and the parameter names each is given, well enough for
/// documentation examples: strings and comments are dropped, each (...), @(...) and {...} is read as its own
/// code, and the rest splits into pipeline stages at |, ; and line ends (a trailing backtick continues a line).
/// </summary>
internal static class ExampleCommands
{
    private static readonly Regex Strings = new(@"'(?:[^']|'')*'|""(?:[^""`]|`.)*""", RegexOptions.Singleline);
    private static readonly Regex Comment = new(@"#[^\n]*");
    private static readonly Regex Innermost = new(@"[({]([^(){}]*)[)}]");
    private static readonly Regex Stage = new(@"^\s*(?:\$[\w:]+\s*=\s*)?(?<command>[A-Z][a-z]+-Exotel[A-Za-z]+)(?<arguments>.*)$", RegexOptions.Singleline);
    private static readonly Regex ParameterName = new(@"(?<=^|\s)-(?<name>[A-Za-z]\w*)");

    public static IReadOnlyList<(string Command, IReadOnlyList<string> Parameters)> In(string code)
    {
        var text = Comment.Replace(Strings.Replace(code.Replace("\r\n", "\n", StringComparison.Ordinal), "''"), string.Empty)
            .Replace("`\n", " ", StringComparison.Ordinal);
        var pieces = new List<string>();
        string previous;
        do
        {
            previous = text;
            text = Innermost.Replace(text, match =>
            {
                pieces.Add(match.Groups[1].Value);
                return " $_ ";
            });
        }
        while (text != previous);
        pieces.Add(text);

        return pieces
            .SelectMany(piece => piece.Split('|', ';', '\n'))
            .Select(stage => Stage.Match(stage))
            .Where(match => match.Success)
            .Select(match => (match.Groups["command"].Value, (IReadOnlyList<string>)ParameterName.Matches(match.Groups["arguments"].Value).Select(name => name.Groups["name"].Value).ToArray()))
            .ToArray();
    }
}
