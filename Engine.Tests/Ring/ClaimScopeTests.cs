using System.Runtime.CompilerServices;
using Engine.Ring;
using Engine.Ring.WaitStrategies;

namespace Engine.Tests.Ring;

public sealed class ClaimScopeTests
{
    [Test]
    public void Event_OfClaim_IsTheRingSlotOfItsSequence()
    {
        var ring = RingBuffer<TestEvent>.Create(ProducerType.Single, 8, new YieldingWaitStrategy());
        bool same;
        long sequence;

        using (var claim = ring.Claim())
        {
            sequence = claim.Sequence;
            same = Unsafe.AreSame(ref claim.Event, ref ring[claim.Sequence]);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(same, Is.True);
            Assert.That(sequence, Is.Zero);
        }
    }

    [Test]
    public void Dispose_OfClaim_PublishesItsSequence()
    {
        var ring = RingBuffer<TestEvent>.Create(ProducerType.Multi, 8, new YieldingWaitStrategy());
        var claim = ring.Claim();
        bool beforeDispose = ring.Sequencer.IsAvailable(claim.Sequence);

        claim.Dispose();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(beforeDispose, Is.False);
            Assert.That(ring.Sequencer.IsAvailable(claim.Sequence), Is.True);
        }
    }

    [Test]
    public void Sequence_OfConsecutiveClaims_Increases()
    {
        var ring = RingBuffer<TestEvent>.Create(ProducerType.Single, 8, new YieldingWaitStrategy());
        var sequences = new List<long>();

        for (int i = 0; i < 3; i++)
        {
            using var claim = ring.Claim();
            sequences.Add(claim.Sequence);
        }

        Assert.That(sequences, Is.EqualTo(new long[] { 0, 1, 2 }));
    }
}
