namespace ExotelPS.Client.Campaigns.Reporting.Html;

/// <summary>
/// A campaign report as one self-contained HTML page (issue 23): inline CSS and SVG, no script, no external
/// resource. It reads at 800 px without scrolling sideways, in black and white, and in a mail client: the layout is
/// tables in one container at most 760 px wide, and every bar carries its words and numbers beside it. Each number
/// carries <c>data-field</c> (the report's property) and <c>data-value</c> (its exact invariant value), inside
/// sections and rows with stable ids and <c>data-*</c> keys, so a test can read the page back. The markup is
/// well-formed XML after its doctype.
/// </summary>
public static class ReportPage
{
    /// <summary>How many agents the table lists, busiest first; the rest are summed in one line.</summary>
    public const int ListedAgents = 25;

    /// <summary>The title when none is given.</summary>
    public const string DefaultTitle = "Campaign report";

    private const string Style =
        "<style>" +
        "body{margin:0;padding:8px;background:#fff;color:#111;font:14px/1.4 Arial,Helvetica,sans-serif}" +
        ".page{margin:0 auto;width:100%;max-width:760px;border-collapse:collapse}" +
        "h1{font-size:22px;margin:6px 0 2px}" +
        "h2{font-size:16px;margin:24px 0 6px;padding-bottom:2px;border-bottom:2px solid #222}" +
        "p{margin:4px 0}.meta,.sub{color:#444;font-size:12px}" +
        "table.grid,table.tiles{width:100%;border-collapse:collapse;table-layout:fixed}" +
        ".grid th,.grid td{padding:4px 6px;border-bottom:1px solid #bbb;text-align:left;vertical-align:middle;overflow-wrap:anywhere;word-wrap:break-word}" +
        ".grid th{font-size:12px;border-bottom:2px solid #222}" +
        ".grid .num{text-align:right}" +
        ".tiles td{padding:8px 10px;border:1px solid #888;vertical-align:top}" +
        ".big{font-size:26px;font-weight:bold}" +
        ".label{font-size:12px;font-weight:bold;text-transform:uppercase;letter-spacing:0.04em}" +
        ".swatch{display:inline-block;width:16px;height:10px;border:1px solid #222;vertical-align:middle;margin:0 4px 0 10px}" +
        "</style>";

    /// <summary>
    /// Renders the page. <paramref name="title"/> is shown as given (encoded); times, hours included, are in the
    /// report's zone, named on the page.
    /// </summary>
    public static string Render(CampaignReport report, string? title, DateTimeOffset generatedAt)
    {
        var heading = string.IsNullOrWhiteSpace(title) ? DefaultTitle : title!;
        var page = new HtmlWriter();
        page.Markup("<!DOCTYPE html>").Open("html", ("lang", "en")).Open("head")
            .Markup("<meta charset=\"utf-8\"/><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
            .Element("title", heading).Markup(Style).Close("head")
            .Open("body").Markup(SvgBar.Patterns)
            .Open("table", ("class", "page"), ("width", "760"), ("role", "presentation")).Open("tr").Open("td");

        page.Element("h1", heading);
        page.Element("p", $"Generated {Shown.TimeText(TimeZoneInfo.ConvertTime(generatedAt, report.Zone))}. Times are in {report.Zone.Id}.", ("class", "meta"));
        Headline(page, report.Summary, report.Zone);
        Outcomes(page, report);
        ReportTables.Hours(page, report);
        ReportTables.Agents(page, report.Agents);
        ReportTables.NextAttempts(page, report);

        return page.Close("td").Close("tr").Close("table").Close("body").Close("html").ToString();
    }

    /// <summary>A table with the page's grid style, its id and the widths of its columns (mail clients honour col widths).</summary>
    internal static void OpenGrid(HtmlWriter page, string id, params string[] columnWidths)
    {
        page.Open("table", ("id", id), ("class", "grid"), ("width", "100%"));
        foreach (var width in columnWidths)
        {
            page.Open("col", ("width", width)).Close("col");
        }
    }

    private static void Headline(HtmlWriter page, CampaignSummary summary, TimeZoneInfo zone)
    {
        page.Open("div", ("id", "summary")).Open("table", ("class", "tiles"), ("width", "100%")).Open("tr");
        Tile(page, "Rows", nameof(CampaignSummary.Rows), Shown.Count(summary.Rows), "refused as invalid: ", (nameof(CampaignSummary.Refused), Shown.Count(summary.Refused)));
        Tile(page, "Reached", nameof(CampaignSummary.Reached), Shown.Count(summary.Reached), "customers who answered");
        Tile(page, "Gave up", nameof(CampaignSummary.GaveUp), Shown.Count(summary.GaveUp), "done without reaching the customer");
        page.Close("tr").Open("tr");
        Tile(page, "Pending", nameof(CampaignSummary.Pending), Shown.Count(summary.Pending), "next attempt: ", (nameof(CampaignSummary.NextAttemptAt), Shown.Time(summary.NextAttemptAt, zone)));
        Tile(page, "Answer rate", nameof(CampaignSummary.AnswerRate), Shown.Rate(summary.AnswerRate), "reached ÷ rows attempted: ", (nameof(CampaignSummary.RowsAttempted), Shown.Count(summary.RowsAttempted)));
        Tile(page, "Talk time", nameof(CampaignSummary.TalkTime), Shown.Duration(summary.TalkTime), "mean per answered call: ", (nameof(CampaignSummary.TalkTimeMean), Shown.Duration(summary.TalkTimeMean)));
        page.Close("tr").Close("table");

        page.Open("p", ("class", "sub")).Field("span", nameof(CampaignSummary.Calls), Shown.Count(summary.Calls))
            .Text(" calls: ").Field("span", nameof(CampaignSummary.Attempts), Shown.Count(summary.Attempts))
            .Text(" attempts on customers and ").Field("span", nameof(CampaignSummary.AgentMisses), Shown.Count(summary.AgentMisses))
            .Text(" agent misses (the agent did not answer, so the customer was not rung). Mean call length ")
            .Field("span", nameof(CampaignSummary.MeanCallLength), Shown.Duration(summary.MeanCallLength))
            .Text(". First call ").Field("span", nameof(CampaignSummary.FirstCall), Shown.Time(summary.FirstCall, zone))
            .Text(", last call ended ").Field("span", nameof(CampaignSummary.LastCall), Shown.Time(summary.LastCall, zone))
            .Text(".").Close("p").Close("div");
    }

    /// <summary>A headline number, its label, and a note in words that may end with a number of its own.</summary>
    private static void Tile(HtmlWriter page, string label, string field, Shown value, string note, (string Field, Shown Value)? noted = null)
    {
        page.Open("td").Field("div", field, value, "big").Element("div", label, ("class", "label")).Open("div", ("class", "sub")).Text(note);
        if (noted is { } number)
        {
            page.Field("span", number.Field, number.Value);
        }

        page.Close("div").Close("td");
    }

    private static void Outcomes(HtmlWriter page, CampaignReport report)
    {
        page.Element("h2", "Final outcomes of the rows");
        OpenGrid(page, "outcomes", "30%", "46%", "12%", "12%");
        foreach (var outcome in report.Outcomes)
        {
            var share = report.Summary.Rows == 0 ? 0 : (double)outcome.Count / report.Summary.Rows;
            var label = OutcomeLabel(outcome);
            page.Open("tr", ("data-outcome", outcome.Outcome.ToString()), ("data-status", outcome.LastStatus?.Value))
                .Element("td", label).Open("td");
            SvgBar.Write(page, $"{label}: {outcome.Count} rows", (share, OutcomeFill(outcome.Outcome)));
            page.Close("td").Field("td", nameof(OutcomeCount.Count), Shown.Count(outcome.Count), "num")
                .Element("td", Shown.Percent(share), ("class", "num")).Close("tr");
        }

        page.Close("table");
    }

    private static string OutcomeLabel(OutcomeCount outcome) => outcome.Outcome switch
    {
        ReportOutcome.Reached => "Reached",
        ReportOutcome.GaveUp => outcome.LastStatus is { } status ? $"Gave up (last call {status})" : "Gave up",
        ReportOutcome.Pending => "Pending (due again)",
        _ => "Refused (invalid input)",
    };

    private static string OutcomeFill(ReportOutcome outcome) => outcome switch
    {
        ReportOutcome.Reached => SvgBar.Solid,
        ReportOutcome.GaveUp => SvgBar.Hatched,
        ReportOutcome.Pending => SvgBar.Dotted,
        _ => SvgBar.Outline,
    };
}
