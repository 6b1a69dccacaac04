using System.Reflection;
using Feeds.Itch;

namespace Engine.Tests.Feeds.Itch;

public sealed class ItchLayoutTests
{
    [Test]
    public void MessageLength_EveryType_IsTheLengthOfTheSpecAndEveryOtherByteIsZero()
    {
        var expected = new Dictionary<char, int>
        {
            ['S'] = 12, ['R'] = 39, ['H'] = 25, ['Y'] = 20, ['L'] = 26, ['V'] = 35, ['W'] = 12, ['K'] = 28, ['J'] = 35, ['h'] = 21,
            ['A'] = 36, ['F'] = 40, ['E'] = 31, ['C'] = 36, ['X'] = 23, ['D'] = 19, ['U'] = 35, ['P'] = 44, ['Q'] = 40, ['B'] = 19,
            ['I'] = 50, ['N'] = 20, ['O'] = 48,
        };
        for (int type = 0; type < 256; type++)
        {
            Assert.That(ItchLayout.MessageLength((byte)type), Is.EqualTo(expected.GetValueOrDefault((char)type)), ((char)type).ToString());
        }
        Assert.That(Enum.GetValues<ItchMessageType>().Select(t => (char)(byte)t), Is.EquivalentTo(expected.Keys));
        Assert.That(expected.Values.Max(), Is.EqualTo(ItchLayout.MaxMessageLength));
    }

    [Test]
    public void NestedLayouts_EveryOffset_LiesInTheBodyOfItsLongestMessage()
    {
        var longest = new Dictionary<string, ItchMessageType>
        {
            [nameof(ItchLayout.AddOrder)] = ItchMessageType.AddOrderWithMpid,
            [nameof(ItchLayout.OrderExecuted)] = ItchMessageType.OrderExecutedWithPrice,
            [nameof(ItchLayout.OrderCancel)] = ItchMessageType.OrderCancel,
        };
        var nested = typeof(ItchLayout).GetNestedTypes(BindingFlags.Public);
        Assert.That(nested, Has.Length.EqualTo(20));
        foreach (var layout in nested)
        {
            var type = longest.TryGetValue(layout.Name, out var shared) ? shared : Enum.Parse<ItchMessageType>(layout.Name);
            int length = ItchLayout.MessageLength((byte)type);
            foreach (var field in layout.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                Assert.That((int)field.GetRawConstantValue()!, Is.InRange(ItchLayout.HeaderLength, length - 1), $"{layout.Name}.{field.Name}");
            }
        }
    }
}
