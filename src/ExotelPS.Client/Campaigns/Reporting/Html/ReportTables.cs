using System.Globalization;
using ExotelPS.Client.Resources;

namespace ExotelPS.Client.Campaigns.Reporting.Html;

/// <summary>The page's tables of many rows: hours of the day, agents, next attempts. Each is capped, so the page stays small.</summary>
internal static class ReportTables
{
    /// <summary>The hours from the first to the last with an attempt, bars scaled to the busiest hour.</summary>
    public static void Hours(HtmlWriter page, CampaignReport report)
    {
        page.Element("h2", EngineText.Format(ReportStrings.HoursHeading, report.Zone.Id));
        var active = report.Hours.Where(hour => hour.Attempts > 0).ToList();
        if (active.Count == 0)
        {
            page.Element("p", ReportStrings.NoAttemptYet, ("id", "hours"));
            return;
        }

        page.Open("p", ("class", "sub")).Markup($"<span class=\"swatch\" style=\"background:{SvgBar.Solid}\"></span>")
            .Text(ReportStrings.LegendAnswered).Markup($"<span class=\"swatch\" style=\"background:{SvgBar.Outline}\"></span>")
            .Text(ReportStrings.LegendNotAnswered).Close("p");
        ReportPage.OpenGrid(page, "hours", "14%", "50%", "18%", "18%");
        page.Open("tr").Element("th", ReportStrings.Hour).Element("th", ReportStrings.AttemptsBar).Element("th", ReportStrings.Attempts, ("class", "num"))
            .Element("th", ReportStrings.Answered, ("class", "num")).Close("tr");
        var busiest = (double)active.Max(hour => hour.Attempts);
        foreach (var hour in report.Hours.Skip(active[0].Hour).Take(active[active.Count - 1].Hour - active[0].Hour + 1))
        {
            var from = hour.Hour.ToString("00", CultureInfo.InvariantCulture) + ":00";
            page.Open("tr", ("data-hour", hour.Hour.ToString(CultureInfo.InvariantCulture))).Element("td", from).Open("td");
            SvgBar.Write(page, EngineText.Format(ReportStrings.HourBar, from, hour.Attempts, hour.Reached), (hour.Attempts / busiest, SvgBar.Outline), (hour.Reached / busiest, SvgBar.Solid));
            page.Close("td").Field("td", nameof(HourOfDay.Attempts), Shown.Count(hour.Attempts), "num")
                .Field("td", nameof(HourOfDay.Reached), Shown.Count(hour.Reached), "num").Close("tr");
        }

        page.Close("table");
    }

    /// <summary>The busiest <see cref="ReportPage.ListedAgents"/> agents; the others summed in one line.</summary>
    public static void Agents(HtmlWriter page, IReadOnlyList<AgentSummary> agents)
    {
        page.Element("h2", ReportStrings.AgentsHeading);
        if (agents.Count == 0)
        {
            page.Element("p", ReportStrings.NoAgentYet, ("id", "agents"));
            return;
        }

        page.Element("p", ReportStrings.AgentsNote, ("class", "sub"));
        ReportPage.OpenGrid(page, "agents", "22%", "11%", "11%", "12%", "16%", "16%", "12%");
        page.Open("tr").Element("th", ReportStrings.Agent).Element("th", ReportStrings.Calls, ("class", "num")).Element("th", ReportStrings.Reached, ("class", "num"))
            .Element("th", ReportStrings.AnswerRate, ("class", "num")).Element("th", ReportStrings.TalkTime, ("class", "num"))
            .Element("th", ReportStrings.MeanCallLength, ("class", "num")).Element("th", ReportStrings.AgentMisses, ("class", "num")).Close("tr");
        foreach (var agent in agents.Take(ReportPage.ListedAgents))
        {
            page.Open("tr", ("data-agent", agent.Agent)).Element("td", agent.Agent.Length > 0 ? agent.Agent : ReportStrings.AgentNotRecorded)
                .Field("td", nameof(AgentSummary.Calls), Shown.Count(agent.Calls), "num")
                .Field("td", nameof(AgentSummary.Reached), Shown.Count(agent.Reached), "num")
                .Field("td", nameof(AgentSummary.AnswerRate), Shown.Rate(agent.AnswerRate), "num")
                .Field("td", nameof(AgentSummary.TalkTime), Shown.Duration(agent.TalkTime), "num")
                .Field("td", nameof(AgentSummary.MeanCallLength), Shown.Duration(agent.MeanCallLength), "num")
                .Field("td", nameof(AgentSummary.AgentMisses), Shown.Count(agent.AgentMisses), "num").Close("tr");
        }

        page.Close("table");
        if (agents.Count > ReportPage.ListedAgents)
        {
            var others = agents.Skip(ReportPage.ListedAgents).ToList();
            page.Open("p", ("id", "agents-not-listed"), ("class", "sub")).Sentence(
                ReportStrings.AgentsNotListed,
                ("AgentsNotListed", Shown.Count(others.Count)),
                ("CallsNotListed", Shown.Count(others.Sum(agent => agent.Calls)))).Close("p");
        }
    }

    /// <summary>The pending rows due soonest, and how many more there are.</summary>
    public static void NextAttempts(HtmlWriter page, CampaignReport report)
    {
        page.Element("h2", ReportStrings.NextAttemptsHeading);
        if (report.NextAttempts.Count == 0)
        {
            page.Element("p", ReportStrings.NoRowPending, ("id", "pending"));
            return;
        }

        ReportPage.OpenGrid(page, "pending", "10%", "38%", "12%", "16%", "24%");
        page.Open("tr").Element("th", ReportStrings.Row, ("class", "num")).Element("th", ReportStrings.Customer).Element("th", ReportStrings.Attempts, ("class", "num"))
            .Element("th", ReportStrings.LastCall).Element("th", ReportStrings.NextAttempt).Close("tr");
        foreach (var next in report.NextAttempts)
        {
            page.Open("tr", ("data-position", next.Position.ToString(CultureInfo.InvariantCulture)))
                .Field("td", nameof(PendingAttempt.Position), Shown.Count(next.Position), "num").Element("td", next.Key)
                .Field("td", nameof(PendingAttempt.Attempts), Shown.Count(next.Attempts), "num")
                // No finished call: not dialled yet, or placed by a run that recorded no final lines.
                .Element("td", next.LastStatus?.Value ?? ReportStrings.NoneFinished)
                .Field("td", nameof(PendingAttempt.NextAttemptAt), Shown.Time(next.NextAttemptAt, report.Zone)).Close("tr");
        }

        page.Close("table");
        if (report.NextAttemptsNotListed > 0)
        {
            page.Open("p", ("id", "pending-not-listed"), ("class", "sub"))
                .Sentence(ReportStrings.PendingNotListed, (nameof(CampaignReport.NextAttemptsNotListed), Shown.Count(report.NextAttemptsNotListed))).Close("p");
        }
    }
}
