namespace ExotelPS.Client.Campaigns.Reporting;

/// <summary>Attempts on customers, and the answered ones, that started in one hour of the day in the campaign's time zone.</summary>
public sealed class HourOfDay
{
    internal HourOfDay(int hour, int attempts, int reached)
    {
        Hour = hour;
        Attempts = attempts;
        Reached = reached;
    }

    /// <summary>The hour, 0 to 23, local to the campaign's time zone.</summary>
    public int Hour { get; }

    /// <summary>Attempts on customers that started in this hour.</summary>
    public int Attempts { get; }

    /// <summary>Those the customer answered.</summary>
    public int Reached { get; }
}
