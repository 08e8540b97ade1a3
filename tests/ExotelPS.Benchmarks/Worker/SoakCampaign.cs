using System.Globalization;
using ExotelPS.Client;
using ExotelPS.Client.Sandbox;

namespace ExotelPS.Benchmarks.Worker;

/// <summary>
/// The campaign the soak worker and the soak tests run: row i carries CustomField i, so the emulator's record names
/// its row. The soak tests compile this same file, so the worker and the checks cannot drift apart.
/// </summary>
internal static class SoakCampaign
{
    /// <summary>Every this-many-th row dials a do-not-call number, which Exotel refuses (a Rejected row).</summary>
    public const int DoNotCallEvery = 40;

    /// <summary>Row i: a number the emulator completes, or, for every <see cref="DoNotCallEvery"/>-th row, one it refuses.</summary>
    public static PlaceCallOptions Request(int row) => new ConnectCallOptions
    {
        From = "09900000001",
        To = "09" + row.ToString("D6", CultureInfo.InvariantCulture) + (IsDoNotCall(row) ? "403" : "000"),
        CallerId = "08030752400",
        CustomField = row.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>True for the rows that dial a number ending in 403, the emulator's do-not-call list.</summary>
    public static bool IsDoNotCall(int row) => row % DoNotCallEvery == DoNotCallEvery - 1;

    /// <summary>The row a recorded call was placed for.</summary>
    public static int RowOf(RecordedCall call) => int.Parse(call.Field("CustomField")!, CultureInfo.InvariantCulture);
}
