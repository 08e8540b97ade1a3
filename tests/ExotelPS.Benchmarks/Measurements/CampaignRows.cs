using System.Globalization;
using ExotelPS.Client;

namespace ExotelPS.Benchmarks.Measurements;

/// <summary>The campaign every measurement places: row i is its own person, so any second ring would show up as a duplicate.</summary>
internal static class CampaignRows
{
    /// <summary>Row i: a number ending in 0 (the simulator completes it) and the row number as CustomField.</summary>
    public static ConnectCallOptions Request(int row) => new()
    {
        From = "09900000001",
        To = "09" + (row * 10).ToString("D9", CultureInfo.InvariantCulture),
        CallerId = "08030752400",
        CustomField = row.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The rows, produced one at a time as a streamed CSV would be: never held in memory together.</summary>
    public static IEnumerable<int> Stream(int count)
    {
        for (var row = 0; row < count; row++)
        {
            yield return row;
        }
    }
}
