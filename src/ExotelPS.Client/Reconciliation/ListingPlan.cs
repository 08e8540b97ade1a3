namespace ExotelPS.Client;

/// <summary>
/// Groups rows in doubt into as few listing queries as Exotel's filters allow: at most 5 From and 5 To numbers per
/// query, one DateCreated range of at most a month, covering each row from its sent time less the clock skew to its
/// certainty time plus the skew. Rows sharing an agent number (the usual campaign) share queries.
/// </summary>
internal static class ListingPlan
{
    private const int MaxNumbersPerFilter = 5;
    private static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);

    /// <summary>One query and the rows (indexes into the list planned) it answers.</summary>
    public sealed class Query
    {
        public Query(ListCallsOptions options, IReadOnlyList<int> rows)
        {
            Options = options;
            Rows = rows;
        }

        public ListCallsOptions Options { get; }

        public IReadOnlyList<int> Rows { get; }
    }

    /// <summary>The window a row's call must have been created in, by Exotel's clock.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) WindowOf(CallInDoubt row, ReconcileOptions options) =>
        (row.SentAt - options.ClockSkew, CertaintyRule.CertainAt(row, options.SettleMargin) + options.ClockSkew);

    public static IReadOnlyList<Query> Plan(IReadOnlyList<CallInDoubt> rows, IEnumerable<int> indexes, ReconcileOptions options)
    {
        var queries = new List<Query>();
        var from = new HashSet<string>(StringComparer.Ordinal);
        var to = new HashSet<string>(StringComparer.Ordinal);
        var members = new List<int>();
        DateTimeOffset start = default, end = default;
        foreach (var index in indexes.OrderBy(index => rows[index].SentAt))
        {
            var row = rows[index];
            var (rowStart, rowEnd) = WindowOf(row, options);
            var fits = members.Count > 0
                && (from.Contains(row.From) || from.Count < MaxNumbersPerFilter)
                && (to.Contains(row.ListedTo) || to.Count < MaxNumbersPerFilter)
                && (Max(end, rowEnd) - Min(start, rowStart)) <= MaxRange;
            if (!fits && members.Count > 0)
            {
                queries.Add(Build(from, to, start, end, members));
                from.Clear();
                to.Clear();
                members = new List<int>();
            }

            start = members.Count == 0 ? rowStart : Min(start, rowStart);
            end = members.Count == 0 ? rowEnd : Max(end, rowEnd);
            from.Add(row.From);
            to.Add(row.ListedTo);
            members.Add(index);
        }

        if (members.Count > 0)
        {
            queries.Add(Build(from, to, start, end, members));
        }

        return queries;
    }

    private static Query Build(HashSet<string> from, HashSet<string> to, DateTimeOffset start, DateTimeOffset end, List<int> members) =>
        new(
            new ListCallsOptions
            {
                // In the form Exotel echoes them: the listing filters on what it stores.
                From = from.Select(PhoneNumber.NationalForm).ToList(),
                To = to.Select(PhoneNumber.NationalForm).ToList(),
                CreatedAfter = start,
                CreatedBefore = end,
                Direction = CallDirection.OutboundApi,
                PageSize = ListCallsOptions.MaxPageSize,
                SortAscending = true,
            },
            members);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
