using System.Globalization;

namespace ExotelPS.Client.Campaigns.Reporting.Html;

/// <summary>
/// A horizontal bar as inline SVG, sized in percent of its cell so it never widens the page. Fills are black, white
/// and patterns, never colour alone: every bar also has its words and numbers in the cells beside it, so a mail
/// client that drops SVG still shows the figures.
/// </summary>
internal static class SvgBar
{
    /// <summary>Solid black: reached, answered.</summary>
    public const string Solid = "#222";

    /// <summary>White with an outline: all attempts, refused.</summary>
    public const string Outline = "#fff";

    /// <summary>Diagonal hatching: gave up.</summary>
    public const string Hatched = "url(#hatched)";

    /// <summary>Dots: pending.</summary>
    public const string Dotted = "url(#dotted)";

    private const int Height = 14;

    /// <summary>The patterns the fills name, once per page, in an SVG of no size (display:none would hide them).</summary>
    public const string Patterns =
        "<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\"><defs>" +
        "<pattern id=\"hatched\" width=\"5\" height=\"5\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">" +
        "<rect width=\"5\" height=\"5\" fill=\"#fff\"/><rect width=\"2\" height=\"5\" fill=\"#222\"/></pattern>" +
        "<pattern id=\"dotted\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\">" +
        "<rect width=\"4\" height=\"4\" fill=\"#fff\"/><circle cx=\"2\" cy=\"2\" r=\"1\" fill=\"#222\"/></pattern>" +
        "</defs></svg>";

    /// <summary>Bars drawn over each other from the left, the first widest: each a share of the cell, 0 to 1.</summary>
    public static void Write(HtmlWriter page, string label, params (double Share, string Fill)[] layers)
    {
        page.Open("svg", ("width", "100%"), ("height", Height.ToString(CultureInfo.InvariantCulture)), ("role", "img"), ("aria-label", label));
        foreach (var (share, fill) in layers)
        {
            if (share > 0)
            {
                // At most 99%: a full bar's outline would otherwise fall outside the SVG and be cut.
                var width = (Math.Min(share, 1) * 99).ToString("0.##", CultureInfo.InvariantCulture) + "%";
                page.Markup($"<rect x=\"0.5\" y=\"0.5\" width=\"{width}\" height=\"{Height - 1}\" fill=\"{fill}\" stroke=\"#222\"/>");
            }
        }

        page.Close("svg");
    }
}
