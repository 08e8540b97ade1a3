using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;

namespace ExotelPS.Client.Sandbox;

/// <summary>
/// Writes answers as Exotel does: JSON objects, or XML inside <c>&lt;TwilioResponse&gt;</c> where a null is an
/// empty element and a list's items are named by its singular (<c>Calls</c> holds <c>Call</c> elements). A list item
/// that only wraps its object in that singular (JSON's <c>{"Leg": {...}}</c>) is that element in XML.
/// </summary>
internal static class ExotelResponseWriter
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string XmlContentType = "application/xml; charset=utf-8";

    // Exotel's JSON shows '+' and ':' as they are, not as \u escapes.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(WireObject root, bool json) => json ? WriteJson(root) : WriteXml(root);

    public static byte[] WriteJson(WireObject root)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOptions))
        {
            WriteJsonObject(writer, root);
        }

        return stream.ToArray();
    }

    public static byte[] WriteXml(WireObject root)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement("TwilioResponse");
            WriteXmlFields(writer, root);
            writer.WriteEndElement();
        }

        return stream.ToArray();
    }

    private static void WriteJsonObject(Utf8JsonWriter writer, WireObject value)
    {
        writer.WriteStartObject();
        foreach (var field in value)
        {
            writer.WritePropertyName(field.Key);
            WriteJsonValue(writer, field.Value);
        }

        writer.WriteEndObject();
    }

    private static void WriteJsonValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case WireObject nested:
                WriteJsonObject(writer, nested);
                break;
            case IEnumerable<WireObject> items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteJsonObject(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }

    private static void WriteXmlFields(XmlWriter writer, WireObject value)
    {
        foreach (var field in value)
        {
            writer.WriteStartElement(field.Key);
            switch (field.Value)
            {
                case null:
                    break;
                case WireObject nested:
                    WriteXmlFields(writer, nested);
                    break;
                case IEnumerable<WireObject> items:
                    var itemName = field.Key.TrimEnd('s');
                    foreach (var item in items)
                    {
                        writer.WriteStartElement(itemName);
                        WriteXmlFields(writer, item.Count == 1 && item[0].Key == itemName && item[0].Value is WireObject inner ? inner : item);
                        writer.WriteEndElement();
                    }

                    break;
                default:
                    writer.WriteString(Convert.ToString(field.Value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }

            writer.WriteEndElement();
        }
    }
}
