using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Engine.Ring;

namespace Engine.Tests.Ring;

/// <summary>
/// Every padded type (explicit layout in the Engine assembly) keeps its hot fields at least
/// <see cref="CacheLine.PaddingBytes"/> from both ends of the object, as Disruptor-net checks.
/// </summary>
/// <remarks>
/// Hot fields are the instance fields except trailing guards (a field whose name contains
/// "Guard"): the runtime ignores <c>StructLayout.Size</c> on classes, so a padded class ends its
/// padding with a guard field, and the tests measure the object the runtime really allocates.
/// </remarks>
public sealed class CacheLineTests
{
    private const BindingFlags InstanceFields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private static readonly MethodInfo s_sizeOf = typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!;

    /// <summary>
    /// Every explicitly laid-out type of the Engine assembly, nested private ones included, except the
    /// compiler's (the blobs behind static array literals are explicit structs of the data's size).
    /// </summary>
    public static IEnumerable<Type> PaddedTypes() =>
        typeof(Sequence).Assembly.GetTypes()
            .Where(type => type.StructLayoutAttribute?.Value == LayoutKind.Explicit)
            .Where(type => type.DeclaringType?.IsDefined(typeof(CompilerGeneratedAttribute)) != true)
            .OrderBy(type => type.FullName, StringComparer.Ordinal);

    private static bool IsCompilerGenerated(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute)) || (type.DeclaringType is { } outer && IsCompilerGenerated(outer));

    private static bool IsGuard(FieldInfo field) => field.Name.Contains("Guard", StringComparison.OrdinalIgnoreCase);

    private static FieldInfo[] HotFields(Type type) => type.GetFields(InstanceFields).Where(field => !IsGuard(field)).ToArray();

    private static int SizeOf(Type type) => (int)s_sizeOf.MakeGenericMethod(type).Invoke(null, null)!;

    private static int OffsetOf(FieldInfo field)
    {
        var offset = field.GetCustomAttribute<FieldOffsetAttribute>();
        Assert.That(offset, Is.Not.Null, $"{field.DeclaringType}.{field.Name} has no FieldOffset");
        return offset!.Value;
    }

    private static int EndOf(FieldInfo field) => OffsetOf(field) + SizeOf(field.FieldType);

    /// <summary>Bytes of field data the runtime gives one instance of the class <paramref name="type"/>.</summary>
    private static long MeasuredFieldBytes(Type type)
    {
        const int Count = 256;
        var keep = new object[Count];
        RuntimeHelpers.GetUninitializedObject(type); // load the type before measuring
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Count; i++)
        {
            keep[i] = RuntimeHelpers.GetUninitializedObject(type);
        }
        long after = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(keep);
        // An object is its header word and method-table pointer, then the fields.
        return ((after - before) / Count) - (2 * IntPtr.Size);
    }

    [Test]
    public void PaddedTypes_OfEngine_IncludeSequenceAndProducerState()
    {
        var names = PaddedTypes().Select(type => type.FullName).ToList();

        Assert.That(names, Is.SupersetOf(new[] { "Engine.Ring.Sequence", "Engine.Ring.SingleProducerSequencer+ProducerState" }));
    }

    [TestCaseSource(nameof(PaddedTypes))]
    public void FieldOffsets_OfPaddedType_HotFieldsStartAfterLeadingPadding(Type type)
    {
        var hot = HotFields(type);
        Assert.That(hot, Is.Not.Empty, $"{type} has no hot field");

        using (Assert.EnterMultipleScope())
        {
            foreach (var field in hot)
            {
                Assert.That(OffsetOf(field), Is.GreaterThanOrEqualTo(CacheLine.PaddingBytes), $"{type}.{field.Name}");
            }
        }
    }

    [TestCaseSource(nameof(PaddedTypes))]
    public void DeclaredLayout_OfPaddedType_LeavesTrailingPaddingAfterLastHotField(Type type)
    {
        int hotEnd = HotFields(type).Max(EndOf);
        // Size counts only for structs; for a class the last declared field (the guard) sets the end.
        int fieldsEnd = type.GetFields(InstanceFields).Max(EndOf);
        int declaredEnd = type.IsValueType ? Math.Max(type.StructLayoutAttribute!.Size, fieldsEnd) : fieldsEnd;

        Assert.That(declaredEnd - hotEnd, Is.GreaterThanOrEqualTo(CacheLine.PaddingBytes), $"{type}: hot fields end at {hotEnd}, the object at {declaredEnd}");
    }

    [TestCaseSource(nameof(PaddedTypes))]
    public void AllocatedObject_OfPaddedClass_LeavesTrailingPaddingAfterLastHotField(Type type)
    {
        Assume.That(type.IsValueType, Is.False, "measured for classes only");
        int hotEnd = HotFields(type).Max(EndOf);

        long measured = MeasuredFieldBytes(type);

        Assert.That(measured - hotEnd, Is.GreaterThanOrEqualTo(CacheLine.PaddingBytes), $"{type}: hot fields end at {hotEnd}, the runtime allocates {measured} bytes of fields");
    }

    [TestCaseSource(nameof(PaddedTypes))]
    public void FieldOffsets_OfPaddedType_DoNotOverlap(Type type)
    {
        var spans = type.GetFields(InstanceFields)
            .Select(field => (Start: OffsetOf(field), End: EndOf(field), field.Name))
            .OrderBy(span => span.Start)
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            for (int i = 1; i < spans.Count; i++)
            {
                Assert.That(spans[i].Start, Is.GreaterThanOrEqualTo(spans[i - 1].End), $"{type}.{spans[i].Name} overlaps {spans[i - 1].Name}");
            }
        }
    }
}
