using CsCheck;
using Engine.Book;

namespace Engine.Tests.Book;

public sealed class OrderIndexTests
{
    [Test]
    public void TryAdd_SameIdTwice_SecondFails()
    {
        var index = new OrderIndex(4);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(index.TryAdd(long.MinValue, 3), Is.True);
            Assert.That(index.TryAdd(long.MinValue, 4), Is.False);
            Assert.That(index.TryGet(long.MinValue, out int slot) && slot == 3, Is.True);
        }
    }

    [Test]
    public void AddAndRemove_RandomSequences_AgreeWithADictionary()
    {
        // Ids from a narrow range in a small table: long probe runs, so removal must shift entries back.
        Gen.Select(Gen.Bool, Gen.Long[-20, 20]).Array[1, 500].Sample(operations =>
        {
            var index = new OrderIndex(48);
            var model = new Dictionary<long, int>();
            int next = 0;
            foreach (var (add, id) in operations)
            {
                if (add && !model.ContainsKey(id))
                {
                    Require(index.TryAdd(id, next), $"add {id}");
                    model[id] = next++;
                }
                else if (!add && model.Remove(id))
                {
                    index.Remove(id);
                }
                for (long probe = -20; probe <= 20; probe++)
                {
                    bool found = index.TryGet(probe, out int slot);
                    Require(found == model.ContainsKey(probe) && (!found || slot == model[probe]), $"lookup of {probe}");
                }
            }
        }, iter: 200);
    }

    [Test]
    public void AddAndRemove_RunsOfConsecutiveIdsAnywhere_AgreeWithADictionary()
    {
        // Ids as venues issue them: runs of consecutive numbers from any start (blocks of eight share
        // neighbouring buckets), some removed again, in a table filled to its limit.
        Gen.Select(Gen.Long, Gen.Int[1, 64], Gen.Bool.Array[64]).Sample((start, count, removed) =>
        {
            var index = new OrderIndex(64);
            var model = new Dictionary<long, int>();
            for (int i = 0; i < count; i++)
            {
                long id = unchecked(start + i);
                Require(index.TryAdd(id, i), $"add {id}");
                model[id] = i;
            }
            for (int i = 0; i < count; i++)
            {
                long id = unchecked(start + i);
                if (removed[i])
                {
                    index.Remove(id);
                    model.Remove(id);
                }
            }
            for (int i = -8; i < count + 8; i++)
            {
                long id = unchecked(start + i);
                bool found = index.TryGet(id, out int slot);
                Require(found == model.ContainsKey(id) && (!found || slot == model[id]), $"lookup of {id}");
            }
        }, iter: 500);
    }

    private static void Require(bool holds, string what)
    {
        if (!holds)
        {
            throw new InvalidOperationException(what);
        }
    }
}
