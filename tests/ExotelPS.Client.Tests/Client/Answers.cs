namespace ExotelPS.Client.Tests.Client;

/// <summary>Response bodies in Exotel's JSON shapes.</summary>
public static class Answers
{
    public static string Call(string sid, string status = "queued") =>
        "{\"Call\":" + CallObject(sid, status) + "}";

    public static string Page(IEnumerable<string> sids, string? nextPageUri = null, string status = "completed")
    {
        var calls = string.Join(",", sids.Select(sid => CallObject(sid, status)));
        var next = nextPageUri is null ? "null" : "\"" + nextPageUri + "\"";
        return "{\"Metadata\":{\"Total\":null,\"PageSize\":100,\"FirstPageUri\":null,\"PrevPageUri\":null,\"NextPageUri\":" + next + "},\"Calls\":[" + calls + "]}";
    }

    public static string Error(int status, string message, string? code = null) =>
        "{\"RestException\":{\"Status\":" + status + ",\"Message\":\"" + message + "\"" + (code is null ? string.Empty : ",\"Code\":\"" + code + "\"") + "}}";

    private static string CallObject(string sid, string status) =>
        "{\"Sid\":\"" + sid + "\",\"Status\":\"" + status + "\",\"DateCreated\":\"2024-05-01 10:00:00\",\"To\":\"09900000002\",\"From\":\"09900000001\"}";
}
