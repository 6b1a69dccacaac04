using Engine.Ring;

namespace Engine.Tests.Ring;

public sealed class SingleProducerSequencerTests : SequencerFixture
{
    protected override Sequencer CreateSequencer(int bufferSize, IWaitStrategy waitStrategy) =>
        new SingleProducerSequencer(bufferSize, waitStrategy);

    [Test]
    public void Next_BeforePublish_LeavesCursorAtLastPublished()
    {
        var sequencer = CreateGated(out _);
        ClaimAndPublish(sequencer, 2);

        sequencer.Next();

        Assert.That(sequencer.Cursor.Value, Is.EqualTo(1), "a single producer's cursor is the last published sequence");
    }

    [Test]
    public void GetHighestPublishedSequence_UpToCursor_ReturnsAvailableSequence()
    {
        var sequencer = CreateGated(out _);
        ClaimAndPublish(sequencer, 6);

        // One producer publishes in order, so everything up to the cursor is published.
        Assert.That(sequencer.GetHighestPublishedSequence(0, sequencer.Cursor.Value), Is.EqualTo(5));
    }
}
