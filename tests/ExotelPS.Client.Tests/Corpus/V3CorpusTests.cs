using static ExotelPS.Client.Tests.Corpus.CorpusServer;

namespace ExotelPS.Client.Tests.Corpus;

/// <summary>Voice v3 bodies of the corpus, from the docs site's Call Details (Beta) and Call Legs (Beta) pages.</summary>
public sealed class V3CorpusTests
{
    private static readonly TimeSpan Ist = TimeSpan.FromMinutes(330);

    [Fact]
    public async Task Active_call_has_no_outcome_and_no_end_yet()
    {
        var detail = await new CorpusServer().Answer("v3/docs-call-details-active.json").Client().GetCallDetailAsync("cabfb1dfa8c5e1c7f2c458423b7716b3");

        Assert.Equal("cabfb1dfa8c5e1c7f2c458423b7716b3", detail.Sid);
        Assert.Equal("active", detail.State);
        Assert.Null(detail.Status);
        Assert.Equal(new DateTimeOffset(2022, 11, 3, 22, 54, 57, Ist), detail.StartTime);
        Assert.Null(detail.EndTime);
        Assert.Equal("62bd4015e8c04ecea3a5fbd7272f95ae", detail.RequestId);
        Assert.Null(detail.ReadWarnings);
    }

    [Fact]
    public async Task Completed_call_reads_its_times_talk_time_and_recording()
    {
        var detail = await new CorpusServer().Answer("v3/docs-call-details-completed.json").Client().GetCallDetailAsync("cabfb1dfa8c5e1c7f2c458423b7716b3");

        Assert.Equal("terminal", detail.State);
        Assert.Equal(CallStatus.Completed, detail.Status);
        Assert.Equal("outbound", detail.Direction);
        Assert.Equal("+911414941199", detail.VirtualNumber);
        Assert.Equal(new DateTimeOffset(2022, 11, 3, 22, 56, 4, Ist), detail.EndTime);
        Assert.Equal(84, detail.TotalDuration);
        Assert.Equal(59, detail.TotalTalkTime);
        Assert.Null(detail.CustomField);
        Assert.Null(detail.AppId);
        Assert.Null(detail.Digits);
        Assert.Equal("https://s3-ap-south-1.amazonaws.com/exotel-mum1-recordings/Exotel/cabfb1dfa8c5e1c7f2c458423b7716b3.mp3", detail.RecordingUrl);
        Assert.Equal("/v3/accounts/<account_sid>/calls/cabfb1dfa8c5e1c7f2c458423b7716b3/legs", detail.LegsUri);
        Assert.Null(detail.ReadWarnings);
    }

    [Fact]
    public async Task Legs_read_every_from_leg_then_the_to_leg_with_who_and_when()
    {
        var detail = await new CorpusServer()
            .Answer("v3/docs-call-legs.json", pathEnd: "/legs")
            .Answer("v3/docs-call-details-completed.json")
            .Client()
            .GetCallDetailAsync("f1ca1057692d586b23b4e7ffcc3216mk", includeLegs: true);

        Assert.Collection(
            detail.Legs!,
            agent =>
            {
                Assert.Equal("from", agent.Side);
                Assert.Equal("213f2560d153d744cd61eb81a98616ak", agent.Sid);
                Assert.Equal("Aditya Sharma", agent.Name);
                Assert.Equal("0987xxxxxxx", agent.ContactUri);
                Assert.Equal(CallStatus.Completed, agent.Status);
                Assert.Equal(new DateTimeOffset(2020, 9, 15, 11, 1, 20, Ist), agent.CreatedTime);
                Assert.Equal(new DateTimeOffset(2020, 9, 15, 11, 2, 20, Ist), agent.UpdatedTime);
            },
            transferred =>
            {
                Assert.Equal("from", transferred.Side);
                Assert.Null(transferred.Name);
                Assert.Equal("09976xxxxxx", transferred.ContactUri);
            },
            customer =>
            {
                Assert.Equal("to", customer.Side);
                Assert.Equal("913f2760d153d744cd61eb81a98616ak", customer.Sid);
                Assert.Equal("Customer", customer.Name);
                Assert.Equal("09988xxxxxx", customer.ContactUri);
                Assert.Equal(new DateTimeOffset(2020, 9, 15, 11, 4, 20, Ist), customer.UpdatedTime);
            });
        Assert.Null(detail.ReadWarnings);
    }
}
