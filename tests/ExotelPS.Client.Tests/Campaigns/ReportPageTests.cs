using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ExotelPS.Client.Campaigns.Reporting;
using ExotelPS.Client.Campaigns.Reporting.Html;
using static ExotelPS.Client.Tests.Campaigns.ReportScenario;

namespace ExotelPS.Client.Tests.Campaigns;

public sealed class ReportPageTests
{
    private static readonly DateTimeOffset GeneratedAt = Now.AddMinutes(5);

    [Fact]
    public void The_page_is_well_formed_and_has_every_section()
    {
        var page = Parse(Render(EveryOutcome().Report()));

        Assert.Equal("html", page.Root!.Name.LocalName);
        Assert.Equal(
            new[] { "summary", "outcomes", "hours", "agents", "pending" },
            page.Descendants().Select(element => (string?)element.Attribute("id")).Where(id => id is "summary" or "outcomes" or "hours" or "agents" or "pending"));
    }

    [Fact]
    public void The_page_loads_nothing_and_runs_nothing()
    {
        var html = Render(EveryOutcome().Report());

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        var page = Parse(html);
        Assert.DoesNotContain(page.Descendants().Attributes(), attribute => attribute.Name.LocalName is "src" or "href" || attribute.Name.LocalName.StartsWith("on", StringComparison.Ordinal));

        // Fills name the page's own patterns only.
        Assert.All(page.Descendants().Attributes("fill"), fill => Assert.Matches("^(#[0-9a-f]{3}|url\\(#[a-z]+\\))$", fill.Value));
    }

    [Fact]
    public void Data_is_encoded_wherever_it_appears()
    {
        const string Hostile = "<b>x</b>&\"'";
        var report = new ReportScenario()
            .Row(Hostile, Call(At(10, 0), 20, Hostile, Busy))
            .Report();

        var html = Render(report, title: "<i>Q2</i> & co");

        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;x&lt;/b&gt;&amp;&quot;&#39;", html, StringComparison.Ordinal);
        var page = Parse(html);
        Assert.Equal("<i>Q2</i> & co", page.Descendants("h1").Single().Value);
        Assert.Equal(Hostile, Row(page, "pending", "data-position", "1").Elements("td").ElementAt(1).Value);
        Assert.Equal(Hostile, Row(page, "agents", "data-agent", Hostile).Elements("td").First().Value);
    }

    [Fact]
    public void Control_characters_in_data_cannot_break_the_page()
    {
        var report = new ReportScenario().Row("bell\u0007", Call(At(10, 0), 20, "X", Busy)).Report();

        var page = Parse(Render(report));

        Assert.Equal("bell\uFFFD", Row(page, "pending", "data-position", "1").Elements("td").ElementAt(1).Value);
    }

    [Fact]
    public void Headline_numbers_read_back_equal_the_summary()
    {
        var report = EveryOutcome().Report();
        var fields = Fields(ById(Parse(Render(report)), "summary"));

        var summary = report.Summary;
        Assert.Equal(summary.Rows, int.Parse(fields["Rows"], CultureInfo.InvariantCulture));
        Assert.Equal(summary.Reached, int.Parse(fields["Reached"], CultureInfo.InvariantCulture));
        Assert.Equal(summary.GaveUp, int.Parse(fields["GaveUp"], CultureInfo.InvariantCulture));
        Assert.Equal(summary.Pending, int.Parse(fields["Pending"], CultureInfo.InvariantCulture));
        Assert.Equal(summary.Refused, int.Parse(fields["Refused"], CultureInfo.InvariantCulture));
        Assert.Equal(summary.RowsAttempted, int.Parse(fields["RowsAttempted"], CultureInfo.InvariantCulture));
        Assert.Equal(summary.Attempts, int.Parse(fields["Attempts"], CultureInfo.InvariantCulture));
        Assert.Equal(summary.AgentMisses, int.Parse(fields["AgentMisses"], CultureInfo.InvariantCulture));
        Assert.Equal(summary.Calls, int.Parse(fields["Calls"], CultureInfo.InvariantCulture));
        Assert.Equal(summary.AnswerRate, double.Parse(fields["AnswerRate"], CultureInfo.InvariantCulture));
        Assert.Equal(summary.TalkTime, TimeSpan.Parse(fields["TalkTime"], CultureInfo.InvariantCulture));
        Assert.Equal(summary.TalkTimeMean, TimeSpan.Parse(fields["TalkTimeMean"], CultureInfo.InvariantCulture));
        Assert.Equal(summary.MeanCallLength, TimeSpan.Parse(fields["MeanCallLength"], CultureInfo.InvariantCulture));
        Assert.Equal(summary.FirstCall, DateTimeOffset.Parse(fields["FirstCall"], CultureInfo.InvariantCulture));
        Assert.Equal(summary.LastCall, DateTimeOffset.Parse(fields["LastCall"], CultureInfo.InvariantCulture));
        Assert.Equal(summary.NextAttemptAt, DateTimeOffset.Parse(fields["NextAttemptAt"], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Headline_numbers_are_shown_in_words_a_manager_reads()
    {
        var page = Parse(Render(EveryOutcome().Report()));

        Assert.Equal("40.0%", Shown(page, "AnswerRate"));
        Assert.Equal("4 min 20 s", Shown(page, "TalkTime"));
        Assert.Equal("2024-05-01 15:00", Shown(page, "NextAttemptAt"));
        Assert.Equal("8", Shown(page, "Rows"));
    }

    [Fact]
    public void Agent_hour_outcome_and_pending_rows_read_back_equal_the_report()
    {
        var report = EveryOutcome().Report();
        var page = Parse(Render(report));

        foreach (var agent in report.Agents)
        {
            var fields = Fields(Row(page, "agents", "data-agent", agent.Agent));
            Assert.Equal((agent.Calls, agent.Reached, agent.AgentMisses), (Int(fields["Calls"]), Int(fields["Reached"]), Int(fields["AgentMisses"])));
            Assert.Equal(agent.AnswerRate, double.Parse(fields["AnswerRate"], CultureInfo.InvariantCulture));
            Assert.Equal((agent.TalkTime, agent.MeanCallLength), (TimeSpan.Parse(fields["TalkTime"], CultureInfo.InvariantCulture), TimeSpan.Parse(fields["MeanCallLength"], CultureInfo.InvariantCulture)));
        }

        // From the first hour with an attempt to the last, empty hours between them included.
        Assert.Equal(new[] { "10", "11", "12", "13", "14" }, Table(page, "hours").Elements("tr").Select(row => (string?)row.Attribute("data-hour")).OfType<string>());
        foreach (var hour in report.Hours.Where(hour => hour.Hour is >= 10 and <= 14))
        {
            var fields = Fields(Row(page, "hours", "data-hour", hour.Hour.ToString(CultureInfo.InvariantCulture)));
            Assert.Equal((hour.Attempts, hour.Reached), (Int(fields["Attempts"]), Int(fields["Reached"])));
        }

        var outcomes = Table(page, "outcomes").Elements("tr")
            .Select(row => ((string?)row.Attribute("data-outcome"), (string?)row.Attribute("data-status"), Int(Fields(row)["Count"])));
        Assert.Equal(report.Outcomes.Select(outcome => ((string?)outcome.Outcome.ToString(), outcome.LastStatus?.Value, outcome.Count)), outcomes);

        var pending = Table(page, "pending").Elements("tr").Where(row => row.Attribute("data-position") is not null)
            .Select(row => Fields(row)).Select(fields => (Int(fields["Position"]), Int(fields["Attempts"]), DateTimeOffset.Parse(fields["NextAttemptAt"], CultureInfo.InvariantCulture)));
        Assert.Equal(report.NextAttempts.Select(next => (next.Position, next.Attempts, next.NextAttemptAt)), pending);
    }

    [Fact]
    public void An_empty_campaign_renders_with_words_instead_of_tables()
    {
        var html = Render(new ReportScenario().Report(), title: null);
        var page = Parse(html);

        Assert.Equal(ReportPage.DefaultTitle, page.Descendants("h1").Single().Value);
        Assert.Equal("0", Fields(ById(page, "summary"))["Rows"]);
        Assert.Equal(string.Empty, Fields(ById(page, "summary"))["FirstCall"]);
        Assert.Contains("No attempt has been made yet.", html, StringComparison.Ordinal);
        Assert.Contains("No row is pending", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Many_agents_and_pending_rows_are_capped_and_the_page_stays_under_200_KB()
    {
        var scenario = new ReportScenario();
        for (var row = 0; row < 5_000; row++)
        {
            scenario.Row($"customer {row}", Call(At(9, 0).AddSeconds(row), 20, $"agent {row % 2_000:D4}", Busy));
        }

        var report = scenario.Report();
        var html = Render(report);
        var page = Parse(html);

        Assert.Equal(ReportPage.ListedAgents, Table(page, "agents").Elements("tr").Count(row => row.Attribute("data-agent") is not null));
        var agentsNotListed = Fields(ById(page, "agents-not-listed"));
        Assert.Equal(2_000 - ReportPage.ListedAgents, Int(agentsNotListed["AgentsNotListed"]));
        Assert.Equal(report.Agents.Skip(ReportPage.ListedAgents).Sum(agent => agent.Calls), Int(agentsNotListed["CallsNotListed"]));
        Assert.Equal(5_000 - CampaignReport.ListedNextAttempts, Int(Fields(ById(page, "pending-not-listed"))["NextAttemptsNotListed"]));
        Assert.InRange(Encoding.UTF8.GetByteCount(html), 1, 200 * 1024);
    }

    private static string Render(CampaignReport report, string? title = "Test campaign") => ReportPage.Render(report, title, GeneratedAt);

    // The doctype is HTML's, not XML's: ignored, the rest parses as XML.
    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    private static XElement Table(XDocument page, string id) =>
        page.Descendants("table").Single(table => (string?)table.Attribute("id") == id);

    private static XElement Row(XDocument page, string tableId, string key, string value) =>
        Table(page, tableId).Elements("tr").Single(row => (string?)row.Attribute(key) == value);

    // data-field to data-value, within an element.
    private static Dictionary<string, string> Fields(XElement scope) =>
        scope.Descendants().Where(element => element.Attribute("data-field") is not null)
            .ToDictionary(element => (string)element.Attribute("data-field")!, element => (string)element.Attribute("data-value")!);

    private static string Shown(XDocument page, string field) =>
        ById(page, "summary").Descendants().Single(element => (string?)element.Attribute("data-field") == field).Value;

    private static XElement ById(XDocument page, string id) =>
        page.Descendants().Single(element => (string?)element.Attribute("id") == id);

    private static int Int(string value) => int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
}
