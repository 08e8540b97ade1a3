using System.Globalization;

namespace ExotelPS.Client.Sandbox;

/// <summary>
/// Reads a Calls/connect form into the engine's own options classes, so the simulator refuses exactly what the
/// client's <see cref="PlaceCallOptions.Validate"/> refuses, naming the field and the value.
/// </summary>
internal static class CallRequestParser
{
    private const string EventsField = WireField.StatusCallbackEvents;

    /// <summary>The request, or null with every failing field in <paramref name="failures"/>.</summary>
    public static PlaceCallOptions? Parse(IReadOnlyList<KeyValuePair<string, string>> form, List<ValidationFailure> failures)
    {
        var parser = new Parser(form, failures);
        var options = parser.Destination();
        if (options is null)
        {
            return null;
        }

        options.From = form.Value(WireField.From);
        options.CallerId = form.Value(WireField.CallerId);
        options.CallType = parser.Enum<CallType>(WireField.CallType);
        options.TimeLimit = parser.Int(WireField.TimeLimit);
        options.TimeOut = parser.Int(WireField.TimeOut);
        options.CustomField = form.Value(WireField.CustomField);
        options.StatusCallback = form.Value(WireField.StatusCallback);
        options.StatusCallbackEvents = parser.Events();
        options.StatusCallbackContentType = parser.Enum<StatusCallbackContentType>(WireField.StatusCallbackContentType);
        if (options is ConnectCallOptions connect)
        {
            connect.WaitUrl = form.Value(WireField.WaitUrl);
            connect.Record = parser.Bool(WireField.Record);
            connect.RecordingChannels = parser.Enum<RecordingChannels>(WireField.RecordingChannels);
            connect.RecordingFormat = parser.Enum<RecordingFormat>(WireField.RecordingFormat);
            connect.StreamUrl = form.Value(WireField.StreamUrl);
            connect.StreamBegin = parser.Enum<StreamBegin>(WireField.StreamBegin);
            connect.StartPlaybackToNew = parser.Enum<StartPlaybackTo>(WireField.StartPlaybackToNew);
            connect.StartPlaybackValueNew = form.Value(WireField.StartPlaybackValueNew);
        }

        failures.AddRange(options.Validate());
        return failures.Count == 0 ? options : null;
    }

    private sealed class Parser
    {
        private readonly IReadOnlyList<KeyValuePair<string, string>> form;
        private readonly List<ValidationFailure> failures;

        public Parser(IReadOnlyList<KeyValuePair<string, string>> form, List<ValidationFailure> failures)
        {
            this.form = form;
            this.failures = failures;
        }

        /// <summary>To makes a call between two numbers; Url makes a call to a flow.</summary>
        public PlaceCallOptions? Destination()
        {
            var to = form.Value(WireField.To);
            var url = form.Value(WireField.Url);
            if (to is not null && url is not null)
            {
                failures.Add(new ValidationFailure(WireField.To, to, $"give either To (connect two numbers) or Url ('{url}', connect to a flow), not both"));
                return null;
            }

            if (to is null && url is null)
            {
                failures.Add(new ValidationFailure(WireField.To, null, "To is required (or Url, to connect to a flow)"));
                return null;
            }

            return to is not null ? new ConnectCallOptions { To = to } : new FlowCallOptions { FlowUrl = url };
        }

        public int? Int(string field) =>
            Read(field, text => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : (int?)null, "must be a whole number");

        public bool? Bool(string field) =>
            Read(field, text => bool.TryParse(text, out var flag) ? flag : (bool?)null, "must be true or false");

        public TEnum? Enum<TEnum>(string field)
            where TEnum : struct, System.Enum =>
            Read(field, text => ExotelWireNames.TryParse<TEnum>(text, out var value) ? value : (TEnum?)null, "must be one of " + string.Join(", ", ExotelWireNames.AllOf<TEnum>()));

        /// <summary>Exotel's docs show both <c>StatusCallbackEvents[0]</c> and <c>StatusCallbackEvents[]</c>; both are read.</summary>
        public IList<StatusCallbackEvent> Events()
        {
            var events = new List<StatusCallbackEvent>();
            foreach (var field in form.Where(pair => pair.Key.StartsWith(EventsField + "[", StringComparison.OrdinalIgnoreCase) && pair.Key.EndsWith("]", StringComparison.Ordinal)))
            {
                if (ExotelWireNames.TryParse<StatusCallbackEvent>(field.Value, out var callbackEvent))
                {
                    events.Add(callbackEvent);
                }
                else
                {
                    failures.Add(new ValidationFailure(field.Key, field.Value, "must be one of " + string.Join(", ", ExotelWireNames.AllOf<StatusCallbackEvent>())));
                }
            }

            return events;
        }

        private T? Read<T>(string field, Func<string, T?> parse, string expectation)
            where T : struct
        {
            var text = form.Value(field);
            if (text is null)
            {
                return null;
            }

            var value = parse(text.Trim());
            if (value is null)
            {
                failures.Add(new ValidationFailure(field, text, expectation));
            }

            return value;
        }
    }
}
