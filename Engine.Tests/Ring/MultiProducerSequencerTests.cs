using Engine.Ring;
using Engine.Ring.WaitStrategies;
using Engine.Tests.Support;

namespace Engine.Tests.Ring;

public sealed class MultiProducerSequencerTests : SequencerFixture
{
    protected override Sequencer CreateSequencer(int bufferSize, IWaitStrategy waitStrategy) =>
        new MultiProducerSequencer(bufferSize, waitStrategy);

    [Test]
    public void Next_BeforePublish_MovesCursorToClaim()
    {
        var sequencer = CreateGated(out _);

        sequencer.Next();
        sequencer.Next();

        Assert.That(sequencer.Cursor.Value, Is.EqualTo(1), "several producers' cursor is the last claimed sequence");
    }

    [Test]
    public void GetHighestPublishedSequence_PublishedOutOfOrder_StopsAtFirstGap()
    {
        var sequencer = CreateGated(out _);
        for (int i = 0; i < 5; i++)
        {
            sequencer.Next();
        }
        sequencer.Publish(0);
        sequencer.Publish(1);
        sequencer.Publish(3);
        sequencer.Publish(4);

        long withGap = sequencer.GetHighestPublishedSequence(0, 4);
        long fromAboveGap = sequencer.GetHighestPublishedSequence(3, 4);
        sequencer.Publish(2);
        long gapFilled = sequencer.GetHighestPublishedSequence(0, 4);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(withGap, Is.EqualTo(1));
            Assert.That(fromAboveGap, Is.EqualTo(4));
            Assert.That(gapFilled, Is.EqualTo(4));
        }
    }

    [Test]
    public void GetHighestPublishedSequence_FirstSlotUnpublished_ReturnsLowerBoundMinusOne()
    {
        var sequencer = CreateGated(out _);
        sequencer.Next();
        sequencer.Next();
        sequencer.Publish(1);

        Assert.That(sequencer.GetHighestPublishedSequence(0, 1), Is.EqualTo(-1));
    }

    [Test]
    public void IsAvailable_SameSlotOnNextLap_ReturnsFalseUntilPublished()
    {
        var sequencer = CreateGated(out var gate, bufferSize: 4);
        ClaimAndPublish(sequencer, 4);
        gate.SetValue(3);

        long nextLap = sequencer.Next();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(nextLap, Is.EqualTo(4));
            Assert.That(sequencer.IsAvailable(4), Is.False, "slot 0 still holds lap 0");
            Assert.That(sequencer.IsAvailable(0), Is.True);
        }
        sequencer.Publish(4);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sequencer.IsAvailable(4), Is.True);
            Assert.That(sequencer.IsAvailable(0), Is.False, "slot 0 now holds lap 1");
        }
    }

    [Test]
    public void Next_FromSeveralThreads_HandsOutEverySequenceExactlyOnce()
    {
        const int Threads = 3;
        const int ClaimsPerThread = 100_000;
        var sequencer = CreateSequencer(1024, new YieldingWaitStrategy()); // no gate: claims never wait
        var claims = new long[Threads][];
        var workers = new WorkerThread[Threads];

        for (int t = 0; t < Threads; t++)
        {
            var mine = claims[t] = new long[ClaimsPerThread];
            workers[t] = WorkerThread.Start($"claimer-{t}", () =>
            {
                for (int i = 0; i < ClaimsPerThread; i++)
                {
                    mine[i] = sequencer.Next();
                }
            });
        }
        foreach (var worker in workers)
        {
            worker.Join(TestTimeouts.Join);
        }

        var seen = new bool[Threads * ClaimsPerThread];
        int duplicates = 0;
        int notIncreasing = 0;
        foreach (var mine in claims)
        {
            for (int i = 0; i < mine.Length; i++)
            {
                if (seen[mine[i]])
                {
                    duplicates++;
                }
                seen[mine[i]] = true;
                if (i > 0 && mine[i] <= mine[i - 1])
                {
                    notIncreasing++;
                }
            }
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(duplicates, Is.Zero);
            Assert.That(notIncreasing, Is.Zero);
            Assert.That(seen, Has.All.True);
        }
    }

    [Test]
    public void TryNext_FromSeveralThreads_HandsOutEachFreeSlotOnce()
    {
        const int Threads = 3;
        const int Size = 1024;
        var sequencer = CreateGated(out _, bufferSize: Size); // the gate never moves: exactly Size claims succeed
        var successes = new int[Threads];
        var workers = new WorkerThread[Threads];

        for (int t = 0; t < Threads; t++)
        {
            int index = t;
            workers[t] = WorkerThread.Start($"try-claimer-{t}", () =>
            {
                for (int i = 0; i < Size; i++)
                {
                    if (sequencer.TryNext(out _))
                    {
                        successes[index]++;
                    }
                }
            });
        }
        foreach (var worker in workers)
        {
            worker.Join(TestTimeouts.Join);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(successes.Sum(), Is.EqualTo(Size));
            Assert.That(sequencer.Cursor.Value, Is.EqualTo(Size - 1));
            Assert.That(sequencer.TryClaimFailures, Is.EqualTo((Threads * Size) - Size));
        }
    }
}
