using ExotelPS.Client.Resources;

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
    public static string DefaultTitle => ReportStrings.DefaultTitle;

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
        page.Element("p", EngineText.Format(ReportStrings.GeneratedAt, Shown.TimeText(TimeZoneInfo.ConvertTime(generatedAt, report.Zone)), report.Zone.Id), ("class", "meta"));
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
        Tile(page, ReportStrings.Rows, nameof(CampaignSummary.Rows), Shown.Count(summary.Rows), ReportStrings.RowsNote, (nameof(CampaignSummary.Refused), Shown.Count(summary.Refused)));
        Tile(page, ReportStrings.Reached, nameof(CampaignSummary.Reached), Shown.Count(summary.Reached), ReportStrings.ReachedNote);
        Tile(page, ReportStrings.GaveUp, nameof(CampaignSummary.GaveUp), Shown.Count(summary.GaveUp), ReportStrings.GaveUpNote);
        page.Close("tr").Open("tr");
        Tile(page, ReportStrings.Pending, nameof(CampaignSummary.Pending), Shown.Count(summary.Pending), ReportStrings.PendingNote, (nameof(CampaignSummary.NextAttemptAt), Shown.Time(summary.NextAttemptAt, zone)));
        Tile(page, ReportStrings.AnswerRate, nameof(CampaignSummary.AnswerRate), Shown.Rate(summary.AnswerRate), ReportStrings.AnswerRateNote, (nameof(CampaignSummary.RowsAttempted), Shown.Count(summary.RowsAttempted)));
        Tile(page, ReportStrings.TalkTime, nameof(CampaignSummary.TalkTime), Shown.Duration(summary.TalkTime), ReportStrings.TalkTimeNote, (nameof(CampaignSummary.TalkTimeMean), Shown.Duration(summary.TalkTimeMean)));
        page.Close("tr").Close("table");

        page.Open("p", ("class", "sub")).Sentence(
            ReportStrings.CallsSummary,
            (nameof(CampaignSummary.Calls), Shown.Count(summary.Calls)),
            (nameof(CampaignSummary.Attempts), Shown.Count(summary.Attempts)),
            (nameof(CampaignSummary.AgentMisses), Shown.Count(summary.AgentMisses)),
            (nameof(CampaignSummary.MeanCallLength), Shown.Duration(summary.MeanCallLength)),
            (nameof(CampaignSummary.FirstCall), Shown.Time(summary.FirstCall, zone)),
            (nameof(CampaignSummary.LastCall), Shown.Time(summary.LastCall, zone))).Close("p").Close("div");
    }

    /// <summary>A headline number, its label, and a note in words that may hold a number of its own.</summary>
    private static void Tile(HtmlWriter page, string label, string field, Shown value, string note, params (string Field, Shown Value)[] noted) =>
        page.Open("td").Field("div", field, value, "big").Element("div", label, ("class", "label"))
            .Open("div", ("class", "sub")).Sentence(note, noted).Close("div").Close("td");

    private static void Outcomes(HtmlWriter page, CampaignReport report)
    {
        page.Element("h2", ReportStrings.OutcomesHeading);
        OpenGrid(page, "outcomes", "30%", "46%", "12%", "12%");
        foreach (var outcome in report.Outcomes)
        {
            var share = report.Summary.Rows == 0 ? 0 : (double)outcome.Count / report.Summary.Rows;
            var label = OutcomeLabel(outcome);
            page.Open("tr", ("data-outcome", outcome.Outcome.ToString()), ("data-status", outcome.LastStatus?.Value))
                .Element("td", label).Open("td");
            SvgBar.Write(page, EngineText.Format(ReportStrings.OutcomeBar, label, outcome.Count), (share, OutcomeFill(outcome.Outcome)));
            page.Close("td").Field("td", nameof(OutcomeCount.Count), Shown.Count(outcome.Count), "num")
                .Element("td", Shown.Percent(share), ("class", "num")).Close("tr");
        }

        page.Close("table");
    }

    private static string OutcomeLabel(OutcomeCount outcome) => outcome.Outcome switch
    {
        ReportOutcome.Reached => ReportStrings.Reached,
        ReportOutcome.GaveUp => outcome.LastStatus is { } status ? EngineText.Format(ReportStrings.GaveUpAfter, status) : ReportStrings.GaveUp,
        ReportOutcome.Pending => ReportStrings.PendingDueAgain,
        _ => ReportStrings.RefusedInvalid,
    };

    private static string OutcomeFill(ReportOutcome outcome) => outcome switch
    {
        ReportOutcome.Reached => SvgBar.Solid,
        ReportOutcome.GaveUp => SvgBar.Hatched,
        ReportOutcome.Pending => SvgBar.Dotted,
        _ => SvgBar.Outline,
    };
}
