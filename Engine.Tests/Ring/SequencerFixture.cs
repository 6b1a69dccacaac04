using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Tests.Support;

namespace Engine.Tests.Ring;

/// <summary>
/// The contract every <see cref="Sequencer"/> keeps: claims in order, publishes, tracks what is
/// available, and never hands out a slot a gating consumer still owns. Each implementation adds
/// only its factory (and its own extra tests).
/// </summary>
public abstract class SequencerFixture
{
    private const int Size = 8;

    /// <summary>Creates the sequencer under test.</summary>
    protected abstract Sequencer CreateSequencer(int bufferSize, IWaitStrategy waitStrategy);

    /// <summary>A sequencer of <paramref name="bufferSize"/> slots gated by <paramref name="gate"/>.</summary>
    protected Sequencer CreateGated(out Sequence gate, int bufferSize = Size)
    {
        var sequencer = CreateSequencer(bufferSize, new YieldingWaitStrategy());
        gate = new Sequence();
        sequencer.AddGatingSequences(gate);
        return sequencer;
    }

    /// <summary>Claims and publishes <paramref name="count"/> slots; returns the last sequence.</summary>
    protected static long ClaimAndPublish(Sequencer sequencer, int count)
    {
        long sequence = Sequence.InitialValue;
        for (int i = 0; i < count; i++)
        {
            sequence = sequencer.Next();
            sequencer.Publish(sequence);
        }
        return sequence;
    }

    [TestCase(0)]
    [TestCase(-8)]
    [TestCase(3)]
    [TestCase(12)]
    [TestCase(1000)]
    public void Constructor_SizeNotPowerOfTwo_ThrowsArgumentException(int bufferSize)
    {
        Assert.That(() => CreateSequencer(bufferSize, new YieldingWaitStrategy()), Throws.ArgumentException);
    }

    [TestCase(1)]
    [TestCase(8)]
    [TestCase(1024)]
    public void Constructor_SizeIsPowerOfTwo_KeepsSizeAndWaitStrategy(int bufferSize)
    {
        var waitStrategy = new BlockingWaitStrategy();

        var sequencer = CreateSequencer(bufferSize, waitStrategy);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sequencer.BufferSize, Is.EqualTo(bufferSize));
            Assert.That(sequencer.WaitStrategy, Is.SameAs(waitStrategy));
            Assert.That(sequencer.Cursor.Value, Is.EqualTo(Sequence.InitialValue));
            Assert.That(sequencer.ClaimWaits, Is.Zero);
            Assert.That(sequencer.TryClaimFailures, Is.Zero);
        }
    }

    [Test]
    public void Next_OnNewSequencer_ClaimsZeroThenConsecutiveSequences()
    {
        var sequencer = CreateGated(out _);

        long[] claimed = [sequencer.Next(), sequencer.Next(), sequencer.Next()];

        Assert.That(claimed, Is.EqualTo(new long[] { 0, 1, 2 }));
    }

    [Test]
    public void IsAvailable_ClaimedButNotPublished_ReturnsFalse()
    {
        var sequencer = CreateGated(out _);

        long sequence = sequencer.Next();

        Assert.That(sequencer.IsAvailable(sequence), Is.False);
    }

    [Test]
    public void Publish_ClaimedSequence_MakesItAvailable()
    {
        var sequencer = CreateGated(out _);
        long sequence = sequencer.Next();

        sequencer.Publish(sequence);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sequencer.IsAvailable(sequence), Is.True);
            Assert.That(sequencer.IsAvailable(sequence + 1), Is.False);
        }
    }

    [Test]
    public void Publish_InOrder_MovesCursorToLastPublished()
    {
        var sequencer = CreateGated(out _);

        long last = ClaimAndPublish(sequencer, 5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(last, Is.EqualTo(4));
            Assert.That(sequencer.Cursor.Value, Is.EqualTo(4));
        }
    }

    [Test]
    public void GetHighestPublishedSequence_AllPublished_ReturnsAvailableSequence()
    {
        var sequencer = CreateGated(out _);
        ClaimAndPublish(sequencer, 5);

        Assert.That(sequencer.GetHighestPublishedSequence(2, 4), Is.EqualTo(4));
    }

    [Test]
    public void IsAvailable_OverManyLaps_TracksEachPublish()
    {
        var sequencer = CreateGated(out var gate, bufferSize: 4);
        int notAvailableBeforePublish = 0;
        int availableAfterPublish = 0;

        for (int i = 0; i < 40; i++)
        {
            long sequence = sequencer.Next();
            if (!sequencer.IsAvailable(sequence))
            {
                notAvailableBeforePublish++;
            }
            sequencer.Publish(sequence);
            if (sequencer.IsAvailable(sequence))
            {
                availableAfterPublish++;
            }
            gate.SetValue(sequence); // consumed at once: the ring never fills
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(notAvailableBeforePublish, Is.EqualTo(40));
            Assert.That(availableAfterPublish, Is.EqualTo(40));
            Assert.That(sequencer.ClaimWaits, Is.Zero);
        }
    }

    [Test]
    public void AddGatingSequences_AfterPublishing_MovesGatesToCursor()
    {
        var sequencer = CreateSequencer(Size, new YieldingWaitStrategy());
        ClaimAndPublish(sequencer, 3);
        var gate = new Sequence();

        sequencer.AddGatingSequences(gate);

        Assert.That(gate.Value, Is.EqualTo(2));
    }

    [Test]
    public void Next_WithoutGatingSequences_NeverWaits()
    {
        var sequencer = CreateSequencer(Size, new YieldingWaitStrategy());

        long last = ClaimAndPublish(sequencer, Size * 5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(last, Is.EqualTo((Size * 5) - 1));
            Assert.That(sequencer.ClaimWaits, Is.Zero);
        }
    }

    [Test]
    public void TryNext_WhenRingHasRoom_ClaimsNextSequence()
    {
        var sequencer = CreateGated(out _);
        ClaimAndPublish(sequencer, 3);

        bool claimed = sequencer.TryNext(out long sequence);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(claimed, Is.True);
            Assert.That(sequence, Is.EqualTo(3));
            Assert.That(sequencer.TryClaimFailures, Is.Zero);
        }
    }

    [Test]
    public void TryNext_WhenRingIsFull_ReturnsFalseAndCountsFailure()
    {
        var sequencer = CreateGated(out _);
        ClaimAndPublish(sequencer, Size);

        bool first = sequencer.TryNext(out long sequence);
        bool second = sequencer.TryNext(out _);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.False);
            Assert.That(second, Is.False);
            Assert.That(sequence, Is.EqualTo(-1));
            Assert.That(sequencer.TryClaimFailures, Is.EqualTo(2));
            Assert.That(sequencer.ClaimWaits, Is.Zero);
            Assert.That(sequencer.Cursor.Value, Is.EqualTo(Size - 1), "a failed TryNext must not claim");
        }
    }

    [Test]
    public void TryNext_AfterGatingSequenceAdvances_ClaimsFreedSlot()
    {
        var sequencer = CreateGated(out var gate);
        ClaimAndPublish(sequencer, Size);
        Assert.That(sequencer.TryNext(out _), Is.False);

        gate.SetValue(0);
        bool claimed = sequencer.TryNext(out long sequence);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(claimed, Is.True);
            Assert.That(sequence, Is.EqualTo(Size));
            Assert.That(sequencer.TryNext(out _), Is.False, "only one slot was freed");
            Assert.That(sequencer.TryClaimFailures, Is.EqualTo(2));
        }
    }

    [Test]
    public void Next_WhenRingIsFull_WaitsUntilGatingSequenceAdvances()
    {
        var sequencer = CreateGated(out var gate);
        ClaimAndPublish(sequencer, Size);
        long claimed = -1;

        var producer = WorkerThread.Start("blocked-producer", () => claimed = sequencer.Next());

        // The only sleep-like wait in the suite: a blocked producer never finishes, so this cannot
        // fail a correct sequencer however slow the machine is.
        Assert.That(producer.TryJoin(TestTimeouts.StillBlocked), Is.False, "Next() returned while the ring was full");
        gate.SetValue(0);
        producer.Join(TestTimeouts.Join);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(claimed, Is.EqualTo(Size));
            Assert.That(sequencer.ClaimWaits, Is.EqualTo(1));
            Assert.That(sequencer.TryClaimFailures, Is.Zero);
        }
    }

    [Test]
    public void Next_WithTwoGates_WaitsForTheSlowerOne()
    {
        var sequencer = CreateSequencer(Size, new YieldingWaitStrategy());
        var fast = new Sequence();
        var slow = new Sequence();
        sequencer.AddGatingSequences(fast, slow);
        ClaimAndPublish(sequencer, Size);
        fast.SetValue(Size - 1);
        long claimed = -1;

        var producer = WorkerThread.Start("blocked-producer", () => claimed = sequencer.Next());

        Assert.That(producer.TryJoin(TestTimeouts.StillBlocked), Is.False, "Next() overtook the slower consumer");
        slow.SetValue(0);
        producer.Join(TestTimeouts.Join);
        Assert.That(claimed, Is.EqualTo(Size));
    }

    [Test]
    public void RemainingCapacity_OnNewSequencer_IsBufferSize()
    {
        var sequencer = CreateGated(out _);

        Assert.That(sequencer.RemainingCapacity, Is.EqualTo(Size));
    }

    [Test]
    public void RemainingCapacity_AfterPublishAndConsume_FollowsSlowestGate()
    {
        var sequencer = CreateGated(out var gate);

        ClaimAndPublish(sequencer, 5);
        long afterPublish = sequencer.RemainingCapacity;
        gate.SetValue(2);
        long afterConsume = sequencer.RemainingCapacity;
        ClaimAndPublish(sequencer, 6);
        long whenFull = sequencer.RemainingCapacity;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterPublish, Is.EqualTo(Size - 5));
            Assert.That(afterConsume, Is.EqualTo(Size - 2));
            Assert.That(whenFull, Is.Zero);
        }
    }

    /// <remarks>
    /// Regression: the single-producer version counted from the published cursor, so slots claimed
    /// but not yet published were reported as free.
    /// </remarks>
    [Test]
    public void RemainingCapacity_AfterClaimBeforePublish_ExcludesClaimedSlots()
    {
        var sequencer = CreateGated(out _);

        for (int i = 0; i < Size; i++)
        {
            sequencer.Next();
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sequencer.TryNext(out _), Is.False, "every slot is claimed");
            Assert.That(sequencer.RemainingCapacity, Is.Zero, "claimed-but-unpublished slots are reported as free");
        }
    }

    [Test]
    public void NewBarrier_AfterPublish_WaitForSeesPublishedSequence()
    {
        var sequencer = CreateGated(out _);
        var barrier = sequencer.NewBarrier();
        ClaimAndPublish(sequencer, 3);

        Assert.That(barrier.WaitFor(0), Is.EqualTo(2));
    }
}
