using Xunit;

namespace ExotelPS.Client.Tests.Bulk;

public sealed class RowEndingsTests
{
    public static TheoryData<RowEnding> Endings()
    {
        var data = new TheoryData<RowEnding>();
        foreach (RowEnding ending in Enum.GetValues(typeof(RowEnding)))
        {
            data.Add(ending);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Endings))]
    public void Every_ending_has_one_meaning_and_a_result_built_with_it_keeps_it(RowEnding ending)
    {
        ExotelException? error = ending switch
        {
            RowEnding.SkippedInDoubt => RowEndings.InDoubt(new JournalEntry(RowEnding.OutcomeUnknown, sid: null, at: null, fromEarlierRun: true)),
            RowEnding.Invalid => new ExotelValidationException(new[] { new ValidationFailure("To", "x", "To 'x' is not a phone number.") }),
            _ => null,
        };

        var result = new DispatchResult<int>(0, 0, request: null, ending, call: null, callSid: null, error);

        Assert.Equal(ending, result.Ending);
        Assert.Equal(RowEndings.MayHaveBeenPlaced(ending), result.MayHaveBeenPlaced);
    }

    [Fact]
    public void Only_rows_that_were_sent_are_journaled()
    {
        var runEndings = new[] { RowEnding.Placed, RowEnding.Rejected, RowEnding.Invalid, RowEnding.OutcomeUnknown, RowEnding.SkippedPlaced, RowEnding.SkippedInDoubt, RowEnding.NotSent };
        var journaled = runEndings.Where(ending => RowEndings.JournalLineOf(ending) is not null);

        Assert.Equal(new[] { RowEnding.Placed, RowEnding.Rejected, RowEnding.OutcomeUnknown }, journaled);
    }

    [Theory]
    [InlineData("sending", null)]
    [InlineData("placed", RowEnding.Placed)]
    [InlineData("rejected", RowEnding.Rejected)]
    [InlineData("unknown", RowEnding.OutcomeUnknown)]
    [InlineData("found", RowEnding.Found)]
    [InlineData("notplaced", RowEnding.NotPlaced)]
    [InlineData("indoubt", RowEnding.StillInDoubt)]
    public void Journal_line_names_written_before_still_read_as_the_same_ending(string line, RowEnding? ending)
    {
        Assert.True(RowEndings.TryReadJournalLine(line, out var read));
        Assert.Equal(ending, read);
        Assert.Equal(line, ending is { } named ? RowEndings.JournalLineOf(named) : RowEndings.SendingLine);
    }

    [Fact]
    public void A_line_no_ending_names_is_not_read()
    {
        Assert.False(RowEndings.TryReadJournalLine("skipped", out _));
    }

    [Theory]
    [InlineData(RowEnding.NotSent, ExotelErrorKind.NotSent, false)]
    [InlineData(RowEnding.SkippedInDoubt, ExotelErrorKind.OutcomeUnknown, true)]
    [InlineData(RowEnding.OutcomeUnknown, ExotelErrorKind.OutcomeUnknown, true)]
    [InlineData(RowEnding.NotPlaced, ExotelErrorKind.NotPlaced, false)]
    public void An_ending_the_engine_decides_takes_its_error_kind_from_the_table(RowEnding ending, ExotelErrorKind kind, bool mayHaveBeenPlaced)
    {
        var error = new RowEndingException(ending, "why");

        Assert.Equal((kind, mayHaveBeenPlaced), (error.Kind, error.MayHaveBeenPlaced));
    }

    [Theory]
    [InlineData(RowEnding.Placed)]
    [InlineData(RowEnding.SkippedPlaced)]
    [InlineData(RowEnding.Found)]
    public void A_row_whose_call_is_known_is_no_error(RowEnding ending)
    {
        Assert.Null(RowEndings.ErrorKindOf(ending));
        Assert.Throws<ArgumentException>(() => new RowEndingException(ending, "why"));
    }

    [Fact]
    public void An_internal_fault_in_flight_is_outcome_unknown_not_an_http_error()
    {
        var error = RowEndings.AsExotelError(new InvalidCastException("boom"));

        var ended = Assert.IsType<RowEndingException>(error);
        Assert.Equal((RowEnding.OutcomeUnknown, true), (ended.Ending, ended.MayHaveBeenPlaced));
        Assert.IsType<InvalidCastException>(ended.InnerException);
        Assert.Contains(nameof(InvalidCastException), ended.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Skipped_rows_count_as_skipped_and_those_in_doubt_also_as_in_doubt()
    {
        var tally = new DispatchTally();
        foreach (var ending in new[] { RowEnding.SkippedPlaced, RowEnding.SkippedInDoubt, RowEnding.SkippedInDoubt, RowEnding.OutcomeUnknown, RowEnding.NotSent })
        {
            tally.Posted();
            tally.Settled(ending, started: false);
        }

        var progress = tally.Snapshot(posted: 5);
        Assert.Equal((3L, 2L, 1L, 1L, 0L), (progress.Skipped, progress.SkippedInDoubt, progress.Failed, progress.NotSent, progress.Placed));
    }
}
