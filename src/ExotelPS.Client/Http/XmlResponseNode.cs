using System.Xml.Linq;
using ExotelPS.Client.Resources;

namespace ExotelPS.Client.Http;

/// <summary>An XML element seen as a <see cref="ResponseNode"/>: child elements are its fields.</summary>
internal sealed class XmlResponseNode : ResponseNode
{
    private readonly XElement element;

    private XmlResponseNode(XElement element, string path, ReadingNotes notes)
        : base(path, notes) => this.element = element;

    /// <summary>The root element of <paramref name="document"/> (Exotel's is <c>TwilioResponse</c>).</summary>
    public static XmlResponseNode Root(XDocument document, ReadingNotes notes) =>
        new(document.Root ?? throw new FormatException(EngineStrings.ResponseNoXmlRoot), string.Empty, notes);

    public override ResponseNode? Child(string name) =>
        Find(name) is { } found ? new XmlResponseNode(found, PathOf(name), Notes) : null;

    public override IReadOnlyList<ResponseNode>? Items(string name) =>
        Find(name)?.Elements().Select((item, index) => (ResponseNode)new XmlResponseNode(item, $"{PathOf(name)}[{index}]", Notes)).ToList();

    protected override string? RawText(string name)
    {
        if (Find(name) is not { } found)
        {
            return null;
        }

        if (found.HasElements)
        {
            Notes.Unreadable(PathOf(name), "<" + found.Elements().First().Name.LocalName + ">", "a text or number");
            return null;
        }

        var text = found.Value.Trim();
        return text.Length == 0 ? null : text;
    }

    private XElement? Find(string name) =>
        element.Elements().FirstOrDefault(child => string.Equals(child.Name.LocalName, name, StringComparison.OrdinalIgnoreCase));
}
