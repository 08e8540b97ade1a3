using System.Globalization;

namespace ExotelPS.Client.Http;

/// <summary>Turns <see cref="ListCallsOptions"/> into Exotel's bulk-listing filters, refusing what Exotel would refuse.</summary>
internal static class ListCallsQuery
{
    /// <summary>Most numbers one To or From filter may name.</summary>
    internal const int MaxNumbers = 5;

    /// <summary>The query string, <c>?Sid=...&amp;PageSize=...</c>, or empty when no filter is set.</summary>
    /// <exception cref="ExotelValidationException">A filter is invalid; every failing filter is named with its value.</exception>
    public static string Build(ListCallsOptions options)
    {
        var validator = new RequestValidator();
        AddSids(validator, options.Sids);
        AddDateCreated(validator, options.CreatedAfter, options.CreatedBefore);
        AddNumbers(validator, WireField.To, options.To);
        AddNumbers(validator, WireField.From, options.From);
        AddStatuses(validator, options.Statuses);
        validator.Enum(WireField.Direction, options.Direction);
        validator.Range(WireField.PageSize, options.PageSize, 1, ListCallsOptions.MaxPageSize);
        if (options.SortAscending is bool ascending)
        {
            validator.Add(WireField.SortBy, ascending ? "DateCreated:asc" : "DateCreated:desc");
        }

        validator.ThrowIfInvalid();
        return validator.Form.Count == 0
            ? string.Empty
            : "?" + string.Join("&", validator.Form.Select(field => Uri.EscapeDataString(field.Key) + "=" + Uri.EscapeDataString(field.Value)));
    }

    private static void AddSids(RequestValidator validator, IList<string>? sids)
    {
        if (sids is null || sids.Count == 0)
        {
            return;
        }

        if (sids.Count > ListCallsOptions.MaxSids)
        {
            validator.Fail(WireField.Sid, sids.Count.ToString(CultureInfo.InvariantCulture) + " Sids", $"at most {ListCallsOptions.MaxSids} Sids per request");
            return;
        }

        var valid = true;
        foreach (var sid in sids)
        {
            if (SidRule.Problem(sid) is { } reason)
            {
                validator.Fail(WireField.Sid, sid, reason);
                valid = false;
            }
        }

        if (valid)
        {
            validator.Add(WireField.Sid, string.Join(",", sids));
        }
    }

    private static void AddDateCreated(RequestValidator validator, DateTimeOffset? after, DateTimeOffset? before)
    {
        if (after > before)
        {
            validator.Fail(WireField.DateCreated, $"{ExotelTime.Format(after!.Value)} to {ExotelTime.Format(before!.Value)}", "CreatedAfter must not be later than CreatedBefore");
            return;
        }

        var bounds = new[] { Bound("gte", after), Bound("lte", before) }.Where(bound => bound is not null);
        var value = string.Join(";", bounds);
        if (value.Length > 0)
        {
            validator.Add(WireField.DateCreated, value);
        }
    }

    private static string? Bound(string comparison, DateTimeOffset? time) =>
        time is { } value ? comparison + ":" + ExotelTime.Format(value) : null;

    private static void AddNumbers(RequestValidator validator, string field, IList<string>? numbers)
    {
        if (numbers is null || numbers.Count == 0)
        {
            return;
        }

        if (numbers.Count > MaxNumbers)
        {
            validator.Fail(field, string.Join(",", numbers), $"at most {MaxNumbers} numbers per filter");
            return;
        }

        var normalized = new List<string>();
        foreach (var number in numbers)
        {
            if (PhoneNumber.TryNormalize(number, out var reason) is { } compact)
            {
                normalized.Add(compact);
            }
            else
            {
                validator.Fail(field, number, reason);
            }
        }

        if (normalized.Count == numbers.Count)
        {
            validator.Add(field, string.Join(",", normalized));
        }
    }

    private static void AddStatuses(RequestValidator validator, IList<CallStatus>? statuses)
    {
        if (statuses is null || statuses.Count == 0)
        {
            return;
        }

        if (statuses.Any(status => status.Value.Length == 0 || status.Value.Contains(",")))
        {
            validator.Fail(WireField.Status, string.Join(",", statuses), "every status must be a single non-empty value such as completed");
            return;
        }

        validator.Add(WireField.Status, string.Join(",", statuses.Select(status => status.Value).Distinct()));
    }
}
