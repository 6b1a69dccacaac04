using System.Buffers;

namespace Engine.Tests.Support;

/// <summary>Splits bytes into a multi-segment <see cref="ReadOnlySequence{T}"/>, so readers meet data cut at every possible place.</summary>
internal static class ChunkedSequence
{
    /// <summary>A sequence of <paramref name="bytes"/> cut into segments of the given lengths (the last repeated as needed).</summary>
    public static ReadOnlySequence<byte> Split(byte[] bytes, params int[] chunkLengths)
    {
        if (bytes.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }
        Segment? first = null;
        Segment? last = null;
        int offset = 0;
        int index = 0;
        while (offset < bytes.Length)
        {
            int length = Math.Min(Math.Max(1, chunkLengths[Math.Min(index, chunkLengths.Length - 1)]), bytes.Length - offset);
            var memory = bytes.AsMemory(offset, length);
            if (first is null)
            {
                first = last = new Segment(memory, 0);
            }
            else
            {
                last = last!.Append(memory);
            }
            offset += length;
            index++;
        }
        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
