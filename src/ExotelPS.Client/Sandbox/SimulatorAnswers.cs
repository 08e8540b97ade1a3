using System.Globalization;

namespace ExotelPS.Client.Sandbox;

/// <summary>The answers the simulator writes, v1 and v3, JSON and XML: successes and Exotel's error shapes.</summary>
internal static class SimulatorAnswers
{
    public static SimulatorResponse CallNotFound(ApiRoute route) =>
        Error(404, $"Call {route.CallSid} was not found in account {route.AccountSid}.", route);

    public static SimulatorResponse InjectedServerError(ApiRoute route) =>
        Error(500, "Internal server error (injected by the simulator).", route);

    public static SimulatorResponse Ok(WireObject body, bool json) =>
        new(200, json ? ExotelResponseWriter.JsonContentType : ExotelResponseWriter.XmlContentType, ExotelResponseWriter.Write(body, json), null);

    public static SimulatorResponse Error(int status, string message, ApiRoute route, string? code = null, int? retryAfterSeconds = null)
    {
        var json = route.Json;
        WireObject body;
        if (route.IsV3)
        {
            body = V3Envelope(status, new WireObject(), new WireObject { { "code", code ?? status.ToString(CultureInfo.InvariantCulture) }, { "message", message } });
        }
        else
        {
            var exception = new WireObject { { WireField.Status, status }, { WireField.Message, message } };
            if (code is not null)
            {
                exception.Add(WireField.Code, code);
            }

            body = WireObject.Of(WireField.RestException, exception);
        }

        var bytes = ExotelResponseWriter.Write(body, json);
        return new SimulatorResponse(status, json ? ExotelResponseWriter.JsonContentType : ExotelResponseWriter.XmlContentType, bytes, retryAfterSeconds);
    }

    /// <summary>Voice v3's envelope: <c>request_id, method, http_code, response{code, error_data, status, ...}</c>.</summary>
    public static WireObject V3Envelope(int status, WireObject answer, WireObject? errorData)
    {
        var response = new WireObject { { "code", status }, { "error_data", errorData }, { "status", errorData is null ? "success" : "failure" } };
        response.AddRange(answer);
        return new WireObject { { "request_id", Guid.NewGuid().ToString("N") }, { "method", "GET" }, { "http_code", status }, { "response", response } };
    }
}
