using ExotelPS.Client.Callbacks;
using static ExotelPS.Client.Tests.Corpus.CorpusServer;

namespace ExotelPS.Client.Tests.Corpus;

/// <summary>
/// What Exotel POSTs: a StatusCallback, and the requests applets send (a Connect applet's dial event, Passthru after a
/// Connect). Read as ConvertFrom-ExotelCallback reads them; an applet's request never reads as a finished call.
/// </summary>
public sealed class CallbackCorpusTests
{
    [Fact]
    public void Docs_status_callback_reads_the_finished_call_and_its_legs()
    {
        var callback = StatusCallbackReader.Read(Body("callbacks/docs-status-callback.json"), "application/json");

        Assert.Equal(CallbackKind.StatusCallback, callback.Kind);
        var call = callback.Call;
        Assert.Equal("80bfbec2d78bbbf10fb851f4fa165211", call.Sid);
        Assert.Equal(CallStatus.Completed, call.Status);
        Assert.True(call.Status.IsFinal);
        Assert.Equal("terminal", callback.EventType);
        Assert.Equal("order_12345", callback.CustomField);
        Assert.Equal(Ist(2024, 1, 15, 14, 30, 45), call.EndTime);
        Assert.Equal(320, call.Details!.ConversationDuration);
        Assert.Equal(new int?[] { 335, 320 }, call.Details.Legs.Select(leg => leg.OnCallDuration));
        Assert.All(call.Details.Legs, leg => Assert.Equal(CallStatus.Completed, leg.Status));
        Assert.Empty(callback.UnknownFields);
        Assert.Null(call.ReadWarnings);
    }

    [Fact]
    public void Connect_applets_dial_event_is_an_applet_request_whose_busy_is_the_agents_line_not_the_outcome()
    {
        var callback = StatusCallbackReader.Read(Body("callbacks/erpnext-connect-applet-dial.json"), "application/json");

        Assert.Equal(CallbackKind.AppletRequest, callback.Kind);
        Assert.Equal("23c162077629863c1a2d7f29263a162m", callback.Call.Sid);
        Assert.Equal("Dial", callback.EventType);
        Assert.False(callback.Call.Status.IsFinal);
        Assert.Equal(string.Empty, callback.Call.Status.Value);
        Assert.Null(callback.DialCallStatus);
        Assert.Equal("09999999991", callback.Call.From);
        Assert.Equal("incoming", callback.Call.Direction);
        Assert.Null(callback.Call.ReadWarnings);
    }

    [Theory]
    [InlineData("callbacks/erpnext-passthru-completed.json", "completed", "completed", "2022-02-23 12:31:58", 10)]
    [InlineData("callbacks/erpnext-passthru-client-hangup.json", "canceled", "client-hangup", "2022-02-21 15:58:12", 0)]
    [InlineData("callbacks/erpnext-passthru-no-answer.json", "no-answer", "incomplete", "2022-02-21 15:47:02", 0)]
    public void Passthru_reports_the_dialled_leg_while_the_call_itself_goes_on(string file, string dialCallStatus, string callType, string started, int onCallDuration)
    {
        var callback = StatusCallbackReader.Read(Body(file), "application/json");

        Assert.Equal(CallbackKind.AppletRequest, callback.Kind);
        Assert.Equal(new CallStatus(dialCallStatus), callback.DialCallStatus);
        Assert.Equal(callType, callback.CallType);
        Assert.False(callback.Call.Status.IsFinal);
        Assert.Null(callback.Call.EndTime);
        Assert.Null(callback.Call.ForwardedFrom);
        Assert.Equal(ExotelTime.Parse(started), callback.Call.StartTime);
        Assert.Equal(onCallDuration, Assert.Single(callback.Call.Details!.Legs).OnCallDuration);
        Assert.Null(callback.Call.ReadWarnings);
    }

    [Fact]
    public void A_passthrus_query_string_reads_as_its_fields_do()
    {
        // Passthru sends its fields as a GET query string: the same fields, form-encoded, read the same.
        var fields = CallbackFields.FromBody(Body("callbacks/erpnext-passthru-completed.json"), CallbackFields.Json);
        var query = string.Join("&", fields.Select(field => Uri.EscapeDataString(field.Key) + "=" + Uri.EscapeDataString(field.Value)));

        var fromQuery = StatusCallbackReader.Read(query, contentType: null);
        var fromJson = StatusCallbackReader.Read(Body("callbacks/erpnext-passthru-completed.json"), CallbackFields.Json);

        Assert.Equal(CallbackKind.AppletRequest, fromQuery.Kind);
        Assert.Equal(fromJson.DeliveryKey, fromQuery.DeliveryKey);
        Assert.Equal(fromJson.DialCallStatus, fromQuery.DialCallStatus);
        Assert.Equal(fromJson.Call.StartTime, fromQuery.Call.StartTime);
        Assert.Equal(fromJson.Call.RecordingUrl, fromQuery.Call.RecordingUrl);
        Assert.Equal(10, Assert.Single(fromQuery.Call.Details!.Legs).OnCallDuration);
        Assert.Equal(fromJson.UnknownFields, fromQuery.UnknownFields);
        Assert.Null(fromQuery.Call.ReadWarnings);
    }
}
