using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Pipelines;

namespace Feeds.Itch;

/// <summary>
/// Reads NASDAQ's BinaryFILE framing, <c>[u16 length][message]</c> repeated, into an
/// <see cref="ItchDecoder"/>, from a <see cref="PipeReader"/> or from bytes in memory.
/// </summary>
/// <remarks>
/// <para>A zero length prefix means "the length of the message's type" (some files, such as the
/// RITCH sample, write 0 everywhere); any other prefix must equal the length of its type, which
/// ITCH 5.0 fixes.</para>
/// <para>Resynchronisation: where no frame can start (a byte that is no message type, a prefix that
/// disagrees with its type), the reader skips one byte and tries again (<see cref="ResyncBytes"/>);
/// bytes at the end of the input too short for their frame are counted in
/// <see cref="TruncatedBytes"/>. Every step consumes at least one byte, so any input ends. A future
/// message type unknown to ITCH 5.0 is therefore skipped byte by byte, not by its prefix: a
/// corrupted prefix could otherwise swallow up to 64 KiB of good frames.</para>
/// <para>One thread. Allocates a one-frame scratch buffer at construction (for frames cut across two pipe segments), nothing per message.</para>
/// </remarks>
public sealed class ItchBinaryFileReader
{
    private const int PrefixLength = 2;
    private const int HeaderLength = PrefixLength + 1;
    private const int MaxFrameLength = PrefixLength + ItchLayout.MaxMessageLength;
    private const int PipeBufferSize = 64 * 1024;

    private readonly ItchDecoder _decoder;
    private readonly byte[] _scratch = new byte[MaxFrameLength];
    private bool _resynchronising;

    /// <summary>Creates a reader that hands every framed message to <paramref name="decoder"/>.</summary>
    public ItchBinaryFileReader(ItchDecoder decoder)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        _decoder = decoder;
    }

    /// <summary>Frames handed to the decoder (each of the right length for its type).</summary>
    public long Frames { get; private set; }

    /// <summary>Bytes skipped one at a time because no frame could start there.</summary>
    public long ResyncBytes { get; private set; }

    /// <summary>Bytes at the end of the input that did not hold a whole frame.</summary>
    public long TruncatedBytes { get; private set; }

    /// <summary>Places where framing failed: each run of bytes skipped to resynchronise counts once, and so does a truncated tail.</summary>
    public long MalformedFrames { get; private set; }

    /// <summary>Reads a whole file through a <see cref="PipeReader"/> over its stream.</summary>
    public async Task ReadFileAsync(string path, CancellationToken cancellation)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: PipeBufferSize));
            await ReadAsync(reader, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Reads frames from <paramref name="reader"/> until it completes, then completes it.</summary>
    public async Task ReadAsync(PipeReader reader, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(reader);
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync(cancellation).ConfigureAwait(false);
                var buffer = result.Buffer;
                var rest = Consume(buffer, Stopwatch.GetTimestamp());
                if (result.IsCompleted || result.IsCanceled)
                {
                    CountTruncated(rest.Length);
                    reader.AdvanceTo(buffer.End);
                    break;
                }
                reader.AdvanceTo(rest.Start, buffer.End);
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Decodes every whole frame at the start of <paramref name="bytes"/> and returns how many bytes
    /// they (and any bytes skipped to resynchronise) took; the rest is an incomplete frame.
    /// </summary>
    /// <remarks>The hot loop: no allocation, one decoder call per frame.</remarks>
    public int DecodeFrames(ReadOnlySpan<byte> bytes, long tsRecvNs)
    {
        int offset = 0;
        while (bytes.Length - offset >= HeaderLength)
        {
            int frameLength = FrameLength(bytes[offset..]);
            if (frameLength == 0)
            {
                if (!_resynchronising)
                {
                    _resynchronising = true;
                    MalformedFrames++;
                }
                ResyncBytes++;
                offset++;
                continue;
            }
            if (bytes.Length - offset < frameLength)
            {
                break;
            }
            _decoder.Decode(bytes.Slice(offset + PrefixLength, frameLength - PrefixLength), 0, tsRecvNs);
            _resynchronising = false;
            Frames++;
            offset += frameLength;
        }
        return offset;
    }

    /// <summary>Decodes a whole input held in memory; a tail too short for its frame is counted as truncated.</summary>
    public void DecodeAll(ReadOnlySpan<byte> bytes, long tsRecvNs)
    {
        int used = DecodeFrames(bytes, tsRecvNs);
        CountTruncated(bytes.Length - used);
    }

    /// <summary>
    /// The length of the frame starting at <paramref name="header"/> (at least 3 bytes), prefix
    /// included; 0 if none can start there: the type byte must be an ITCH type and the prefix 0 or
    /// that type's length.
    /// </summary>
    private static int FrameLength(ReadOnlySpan<byte> header)
    {
        int prefix = BinaryPrimitives.ReadUInt16BigEndian(header);
        int length = ItchLayout.MessageLength(header[PrefixLength]);
        return length != 0 && (prefix == 0 || prefix == length) ? PrefixLength + length : 0;
    }

    private ReadOnlySequence<byte> Consume(ReadOnlySequence<byte> buffer, long tsRecvNs)
    {
        while (true)
        {
            int used = DecodeFrames(buffer.FirstSpan, tsRecvNs);
            buffer = buffer.Slice(used);
            if (buffer.Length < HeaderLength)
            {
                return buffer;
            }
            if (used > 0)
            {
                // Progress: the first span may now be a fresh segment with whole frames in it.
                continue;
            }
            if (buffer.FirstSpan.Length >= buffer.Length)
            {
                return buffer;
            }
            // The next frame straddles two segments: copy it out whole, then carry on in place.
            buffer.Slice(0, HeaderLength).CopyTo(_scratch);
            int frameLength = FrameLength(_scratch);
            int copy = frameLength == 0 ? HeaderLength : frameLength;
            if (buffer.Length < copy)
            {
                return buffer;
            }
            buffer.Slice(0, copy).CopyTo(_scratch);
            int straddleUsed = DecodeFrames(_scratch.AsSpan(0, copy), tsRecvNs);
            buffer = buffer.Slice(straddleUsed);
        }
    }

    private void CountTruncated(long bytes)
    {
        if (bytes > 0)
        {
            TruncatedBytes += bytes;
            MalformedFrames++;
        }
    }
}
