using Engine.Ring;
using Engine.Tests.Support;

namespace Engine.Tests.Ring;

public sealed class SequenceTests
{
    [Test]
    public void Constructor_WithoutValue_StartsAtInitialValue()
    {
        var sequence = new Sequence();

        Assert.That(sequence.Value, Is.EqualTo(Sequence.InitialValue));
    }

    [Test]
    public void Constructor_WithValue_StartsAtThatValue()
    {
        var sequence = new Sequence(41);

        Assert.That(sequence.Value, Is.EqualTo(41));
    }

    [Test]
    public void SetValue_AnyValue_IsReadBack()
    {
        var sequence = new Sequence();

        sequence.SetValue(1_234_567_890_123);

        Assert.That(sequence.Value, Is.EqualTo(1_234_567_890_123));
    }

    [Test]
    public void CompareAndSet_WhenExpectedMatches_SetsAndReturnsTrue()
    {
        var sequence = new Sequence(5);

        bool swapped = sequence.CompareAndSet(5, 6);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(swapped, Is.True);
            Assert.That(sequence.Value, Is.EqualTo(6));
        }
    }

    [Test]
    public void CompareAndSet_WhenExpectedDiffers_LeavesValueAndReturnsFalse()
    {
        var sequence = new Sequence(5);

        bool swapped = sequence.CompareAndSet(4, 6);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(swapped, Is.False);
            Assert.That(sequence.Value, Is.EqualTo(5));
        }
    }

    [Test]
    public void AddAndGet_Delta_ReturnsNewValue()
    {
        var sequence = new Sequence(10);

        long result = sequence.AddAndGet(5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result, Is.EqualTo(15));
            Assert.That(sequence.Value, Is.EqualTo(15));
        }
    }

    [Test]
    public void AddAndGet_FromSeveralThreads_LosesNoIncrement()
    {
        const int Threads = 2;
        const int IncrementsPerThread = 200_000;
        var sequence = new Sequence(0);
        var workers = new WorkerThread[Threads];

        for (int t = 0; t < Threads; t++)
        {
            workers[t] = WorkerThread.Start($"adder-{t}", () =>
            {
                for (int i = 0; i < IncrementsPerThread; i++)
                {
                    sequence.AddAndGet(1);
                }
            });
        }
        foreach (var worker in workers)
        {
            worker.Join(TestTimeouts.Join);
        }

        Assert.That(sequence.Value, Is.EqualTo(Threads * IncrementsPerThread));
    }

    [Test]
    public void ToString_Value_IsTheNumber()
    {
        var sequence = new Sequence(-1);

        Assert.That(sequence.ToString(), Is.EqualTo("-1"));
    }

    [Test]
    public void Minimum_SeveralSequences_ReturnsSmallest()
    {
        Sequence[] sequences = [new(7), new(3), new(9)];

        Assert.That(Sequence.Minimum(sequences, whenEmpty: 100), Is.EqualTo(3));
    }

    [Test]
    public void Minimum_NoSequences_ReturnsWhenEmpty()
    {
        Assert.That(Sequence.Minimum([], whenEmpty: 42), Is.EqualTo(42));
    }
}
