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
    public void Every_ending_has_one_meaning_and_a_result_built_from_its_outcome_gets_it_back(RowEnding ending)
    {
        ExotelException? error = ending switch
        {
            RowEnding.SkippedInDoubt => RowEndings.InDoubt(new JournalEntry(JournalOutcome.Unknown, sid: null, at: null, fromEarlierRun: true)),
            RowEnding.Invalid => new ExotelValidationException(new[] { new ValidationFailure("To", "x", "To 'x' is not a phone number.") }),
            _ => null,
        };

        var result = new DispatchResult<int>(0, 0, request: null, RowEndings.OutcomeOf(ending), call: null, callSid: null, error);

        Assert.Equal(ending, result.Ending);
        Assert.Equal(RowEndings.MayHaveBeenPlaced(ending), result.MayHaveBeenPlaced);
    }

    [Fact]
    public void Only_rows_that_were_sent_are_journaled()
    {
        var journaled = Enum.GetValues(typeof(RowEnding)).Cast<RowEnding>().Where(ending => RowEndings.JournalRecordOf(ending) is not null);

        Assert.Equal(new[] { RowEnding.Placed, RowEnding.Rejected, RowEnding.OutcomeUnknown }, journaled);
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
