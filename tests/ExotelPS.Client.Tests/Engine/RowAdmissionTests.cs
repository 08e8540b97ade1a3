namespace ExotelPS.Client.Tests.Engine;

public sealed class RowAdmissionTests
{
    [Fact]
    public void Results_filled_in_any_order_are_taken_in_input_order()
    {
        var admission = new RowAdmission<int>(() => 10);
        var rows = Enumerable.Range(0, 3).Select(input => admission.Admit(input, request: null)).ToList();

        admission.Fill(rows[2], rows[2].Ending(RowEnding.Placed));
        Assert.Empty(admission.TakeReady());
        admission.Fill(rows[0], rows[0].Ending(RowEnding.NotSent));
        admission.Fill(rows[1], rows[1].Ending(RowEnding.Rejected));

        Assert.Equal(new[] { 0, 1, 2 }, admission.TakeReady().Select(result => result.Input));
        Assert.Equal(new[] { 0L, 1L, 2L }, rows.Select(row => row.Index));
    }

    [Fact]
    public void The_first_result_of_a_row_wins()
    {
        var admission = new RowAdmission<int>(() => 10);
        var row = admission.Admit(0, request: null);

        Assert.True(admission.Fill(row, row.Ending(RowEnding.OutcomeUnknown)));
        Assert.False(admission.Fill(row, row.Ending(RowEnding.Placed)));
        Assert.Equal(RowEnding.OutcomeUnknown, Assert.Single(admission.TakeReady()).Ending);
    }

    [Fact]
    public async Task Posting_waits_while_the_backlog_is_full_and_goes_on_once_the_next_result_is_ready()
    {
        var admission = new RowAdmission<int>(() => 2);
        var first = admission.Admit(0, request: null);
        admission.Admit(1, request: null);

        var waiting = Task.Run(() => admission.WaitForRoom(CancellationToken.None));
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);

        admission.Fill(first, first.Ending(RowEnding.Placed));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Posting_after_complete_or_close_is_refused_and_a_recorded_fault_is_thrown_after_the_results()
    {
        var admission = new RowAdmission<int>(() => 10);
        var row = admission.Admit(0, request: null);
        admission.Fill(row, row.Ending(RowEnding.NotSent));
        admission.Fail(new IOException("the disk is full"));
        admission.Complete();

        Assert.Throws<InvalidOperationException>(() => admission.WaitForRoom(CancellationToken.None));
        var results = new List<DispatchResult<int>>();
        Assert.Throws<IOException>(() => results.AddRange(admission.TakeAll(CancellationToken.None)));
        Assert.Single(results);
        Assert.True(admission.IsDrained);
        Assert.True(admission.Close());
        Assert.False(admission.Close());
        Assert.Throws<ObjectDisposedException>(() => admission.WaitForRoom(CancellationToken.None));
    }
}
