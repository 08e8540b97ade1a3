using System.Globalization;

namespace ExotelPS.Client.Sandbox;

/// <summary>
/// The bulk call listing (<c>GET Calls.json</c>): Exotel's filters, sort and cursor paging. Calls still in
/// progress are not listed, as Exotel documents. A page's cursor is the Sid of its last (After) or first (Before)
/// call, so paging is stable while new calls finish.
/// </summary>
internal sealed class CallListing
{
    private const int DefaultPageSize = 50;
    private const string After = WireField.After;
    private const string Before = WireField.Before;
    private static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(31);
    private static readonly string[] Cursors = { After, Before };

    private readonly IReadOnlyList<KeyValuePair<string, string>> query;
    private readonly List<ValidationFailure> failures = new();
    private readonly HashSet<string>? sids;
    private readonly HashSet<string>? to;
    private readonly HashSet<string>? from;
    private readonly HashSet<string>? statuses;
    private readonly string? direction;
    private readonly DateTimeOffset createdFrom;
    private readonly DateTimeOffset? createdTo;
    private readonly int pageSize = DefaultPageSize;
    private readonly int order = -1;

    private CallListing(IReadOnlyList<KeyValuePair<string, string>> query, DateTimeOffset now)
    {
        this.query = query;
        sids = List(WireField.Sid, ListCallsOptions.MaxSids, text => text);
        to = List(WireField.To, 5, TestNumbers.NationalForm);
        from = List(WireField.From, 5, TestNumbers.NationalForm);
        statuses = List(WireField.Status, int.MaxValue, text => CallStatus.Parse(text).Value);
        direction = query.Value(WireField.Direction)?.Trim();
        createdFrom = now - DefaultPeriod;
        if (query.Value(WireField.DateCreated) is { } created)
        {
            ReadCreatedRange(created, ref createdFrom, ref createdTo);
        }

        if (query.Value(WireField.PageSize) is { } size)
        {
            if (int.TryParse(size, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= 1 && parsed <= ListCallsOptions.MaxPageSize)
            {
                pageSize = parsed;
            }
            else
            {
                Fail(WireField.PageSize, size, $"must be a whole number from 1 to {ListCallsOptions.MaxPageSize}");
            }
        }

        if (query.Value(WireField.SortBy) is { } sort)
        {
            order = sort.Trim().ToLowerInvariant() switch
            {
                "datecreated:asc" => 1,
                "datecreated:desc" => -1,
                _ => Fail(WireField.SortBy, sort, "must be DateCreated:asc or DateCreated:desc", order),
            };
        }
    }

    /// <summary>The page the query asks for, or null with the reason in <paramref name="error"/>.</summary>
    public static WireObject? Answer(
        IReadOnlyList<KeyValuePair<string, string>> query, IEnumerable<RecordedCall> accountCalls, DateTimeOffset now,
        string accountSid, bool json, out string? error)
    {
        var listing = new CallListing(query, now);
        var matching = accountCalls.Where(call => now >= call.EndsAt && listing.Matches(call)).ToList();
        matching.Sort(listing.Compare);
        var page = listing.failures.Count == 0 ? listing.Page(matching) : null;
        error = listing.failures.Count == 0 ? null : "Invalid filters: " + string.Join("; ", listing.failures);
        if (page is null)
        {
            return null;
        }

        var calls = page.Select(call => CallView.Call(new CallSnapshot(call, now), withDetails: false)).ToList();
        var hasPrevious = page.Count > 0 && listing.Compare(matching[0], page[0]) < 0;
        var hasNext = page.Count > 0 && listing.Compare(matching[matching.Count - 1], page[page.Count - 1]) > 0;
        var basePath = $"/v1/Accounts/{accountSid}/Calls{(json ? ".json" : string.Empty)}";
        return new WireObject
        {
            {
                WireField.Metadata, new WireObject
                {
                    { "Total", matching.Count },
                    { WireField.PageSize, listing.pageSize },
                    { "FirstPageUri", listing.Uri(basePath, null, null) },
                    { "PrevPageUri", hasPrevious ? listing.Uri(basePath, Before, page[0].Sid) : null },
                    { WireField.NextPageUri, hasNext ? listing.Uri(basePath, After, page[page.Count - 1].Sid) : null },
                }
            },
            { WireField.Calls, calls },
        };
    }

    private List<RecordedCall>? Page(List<RecordedCall> matching)
    {
        var after = Cursor(After, matching);
        var before = Cursor(Before, matching);
        if (failures.Count > 0)
        {
            return null;
        }

        if (before is not null)
        {
            var earlier = matching.Where(call => Compare(call, before) < 0).ToList();
            return earlier.Skip(Math.Max(0, earlier.Count - pageSize)).ToList();
        }

        return matching.Where(call => after is null || Compare(call, after) > 0).Take(pageSize).ToList();
    }

    private RecordedCall? Cursor(string name, List<RecordedCall> matching)
    {
        var sid = query.Value(name);
        if (sid is null)
        {
            return null;
        }

        return matching.FirstOrDefault(call => call.Sid == sid) ?? Fail<RecordedCall?>(name, sid, "is not a cursor of this listing", null);
    }

    private int Compare(RecordedCall left, RecordedCall right)
    {
        var byTime = left.Created.CompareTo(right.Created);
        return order * (byTime != 0 ? byTime : left.Sequence.CompareTo(right.Sequence));
    }

    private bool Matches(RecordedCall call)
    {
        return (sids is null || sids.Contains(call.Sid))
            && (to is null || to.Contains(CallView.To(call)))
            && (from is null || from.Contains(CallView.From(call)))
            && (statuses is null || statuses.Contains(call.FinalStatus.Value))
            && (direction is null || string.Equals(direction, "outbound-api", StringComparison.OrdinalIgnoreCase))
            && call.Created >= createdFrom
            && (createdTo is null || call.Created <= createdTo);
    }

    /// <summary>The same query with any cursor replaced, so a page link keeps every filter.</summary>
    private string Uri(string basePath, string? cursor, string? sid)
    {
        var fields = query.Where(field => !Cursors.Contains(field.Key, StringComparer.OrdinalIgnoreCase)).ToList();
        if (cursor is not null)
        {
            fields.Add(new KeyValuePair<string, string>(cursor, sid!));
        }

        return fields.Count == 0 ? basePath : basePath + "?" + FormFields.Write(fields);
    }

    private HashSet<string>? List(string name, int max, Func<string, string> normalize)
    {
        var text = query.Value(name);
        if (text is null)
        {
            return null;
        }

        var items = text.Split(',').Select(item => item.Trim()).Where(item => item.Length > 0).Select(normalize).ToList();
        if (items.Count > max)
        {
            Fail(name, text, $"at most {max} values ({items.Count} given)");
        }

        return new HashSet<string>(items, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Reads <c>gte:yyyy-MM-dd HH:mm:ss;lte:yyyy-MM-dd HH:mm:ss</c>, either bound optional.</summary>
    private void ReadCreatedRange(string text, ref DateTimeOffset lower, ref DateTimeOffset? upper)
    {
        foreach (var part in text.Split(';').Select(part => part.Trim()).Where(part => part.Length > 0))
        {
            var colon = part.IndexOf(':');
            var time = colon < 0 ? null : ExotelTime.Parse(part.Substring(colon + 1));
            var bound = colon < 0 ? string.Empty : part.Substring(0, colon).ToLowerInvariant();
            if (time is null || (bound != "gte" && bound != "lte"))
            {
                Fail(WireField.DateCreated, text, "must be gte:yyyy-MM-dd HH:mm:ss;lte:yyyy-MM-dd HH:mm:ss");
                return;
            }

            if (bound == "gte")
            {
                lower = time.Value;
            }
            else
            {
                upper = time.Value;
            }
        }
    }

    private void Fail(string field, string value, string reason) => failures.Add(new ValidationFailure(field, value, reason));

    private T Fail<T>(string field, string value, string reason, T result)
    {
        Fail(field, value, reason);
        return result;
    }
}
