using System.Globalization;
using System.Text;

namespace ExotelPS.Client.Campaigns.Reporting.Html;

/// <summary>
/// Writes well-formed markup (every element closed, void ones self-closed) so a test can read the page back as
/// XML. Every text and attribute value passes through <see cref="Encode"/>: rows and agents are data.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder html = new(16 * 1024);

    /// <summary>Text as it is safe in an element or a quoted attribute: markup characters become entities and
    /// control characters (which XML forbids) become U+FFFD.</summary>
    public static string Encode(string text)
    {
        var encoded = new StringBuilder(text.Length + 16);
        foreach (var character in text)
        {
            encoded.Append(character switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                < ' ' and not ('\t' or '\n' or '\r') => "\uFFFD",
                _ => null,
            } ?? character.ToString());
        }

        return encoded.ToString();
    }

    /// <summary>Markup the page itself wrote (tags, CSS): never data.</summary>
    public HtmlWriter Markup(string markup)
    {
        html.Append(markup);
        return this;
    }

    /// <summary>An opening tag; attributes with a null value are left out.</summary>
    public HtmlWriter Open(string tag, params (string Name, string? Value)[] attributes)
    {
        html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                html.Append(' ').Append(name).Append("=\"").Append(Encode(value)).Append('"');
            }
        }

        html.Append('>');
        return this;
    }

    /// <summary>A closing tag.</summary>
    public HtmlWriter Close(string tag)
    {
        html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>Encoded text.</summary>
    public HtmlWriter Text(string text)
    {
        html.Append(Encode(text));
        return this;
    }

    /// <summary>An element holding encoded text.</summary>
    public HtmlWriter Element(string tag, string text, params (string Name, string? Value)[] attributes) =>
        Open(tag, attributes).Text(text).Close(tag);

    /// <summary>
    /// A number a reader sees and a test reads back: <c>data-field</c> names the report's property and
    /// <c>data-value</c> holds it exactly, in invariant form.
    /// </summary>
    public HtmlWriter Field(string tag, string field, Shown shown, string? cssClass = null) =>
        Element(tag, shown.Display, ("class", cssClass), ("data-field", field), ("data-value", shown.Value));

    /// <summary>
    /// A sentence of the page's strings whose placeholders (<c>{0}</c>, <c>{1}</c>, ...) are numbers: its words as
    /// encoded text, each number as a <see cref="Field"/> in a span, in the order the sentence puts them.
    /// </summary>
    public HtmlWriter Sentence(string template, params (string Field, Shown Value)[] numbers)
    {
        var at = 0;
        for (var open = template.IndexOf('{'); open >= 0; open = template.IndexOf('{', at))
        {
            var close = template.IndexOf('}', open);
            var (field, value) = numbers[int.Parse(template.Substring(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture)];
            Text(template.Substring(at, open - at)).Field("span", field, value);
            at = close + 1;
        }

        return Text(template.Substring(at));
    }

    /// <summary>The page so far.</summary>
    public override string ToString() => html.ToString();
}
