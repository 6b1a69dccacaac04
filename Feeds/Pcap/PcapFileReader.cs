using System.Buffers;
using System.IO.Pipelines;

namespace Feeds.Pcap;

/// <summary>
/// Reads a classic pcap file (microsecond or nanosecond, either byte order, Ethernet link type)
/// from a <see cref="PipeReader"/> or from memory and hands every captured frame to an
/// <see cref="IPcapPacketHandler"/>.
/// </summary>
/// <remarks>
/// Malformed files end the read with a <see cref="Status"/> that says why, never an exception: pcap
/// has no sync marker, so after a corrupt record header nothing later can be trusted. A reader
/// reads one file; one thread; a 256 KiB scratch buffer is allocated at construction, nothing per record.
/// </remarks>
public sealed class PcapFileReader
{
    private const int PipeBufferSize = 64 * 1024;

    private readonly IPcapPacketHandler _handler;
    private readonly byte[] _scratch = new byte[PcapLayout.RecordHeaderLength + PcapLayout.MaxRecordLength];
    private PcapFileFormat _format;

    /// <summary>Creates a reader that hands every frame to <paramref name="handler"/>.</summary>
    public PcapFileReader(IPcapPacketHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handler = handler;
    }

    /// <summary>How the read ended (<see cref="PcapReadStatus.Reading"/> until it has).</summary>
    public PcapReadStatus Status { get; private set; }

    /// <summary>The file's format, once its header was read.</summary>
    public PcapFileFormat Format => _format;

    /// <summary>Records handed to the handler.</summary>
    public long Records { get; private set; }

    /// <summary>Reads a whole file through a <see cref="PipeReader"/> over its stream.</summary>
    public async Task<PcapReadStatus> ReadFileAsync(string path, CancellationToken cancellation)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
            var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: PipeBufferSize));
            return await ReadAsync(reader, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Reads records from <paramref name="reader"/> until it completes or the file proves malformed, then completes it.</summary>
    public async Task<PcapReadStatus> ReadAsync(PipeReader reader, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(reader);
        try
        {
            while (Status == PcapReadStatus.Reading)
            {
                var result = await reader.ReadAsync(cancellation).ConfigureAwait(false);
                var buffer = result.Buffer;
                var rest = Consume(buffer);
                if (Status == PcapReadStatus.Reading && (result.IsCompleted || result.IsCanceled))
                {
                    Status = rest.IsEmpty && _format != default ? PcapReadStatus.Completed : PcapReadStatus.Truncated;
                }
                reader.AdvanceTo(rest.Start, buffer.End);
            }
        }
        finally
        {
            await reader.CompleteAsync().ConfigureAwait(false);
        }
        return Status;
    }

    /// <summary>Reads a whole file held in memory.</summary>
    public PcapReadStatus Read(ReadOnlySpan<byte> file)
    {
        if (!ReadHeader(file))
        {
            return Status;
        }
        var records = file[PcapLayout.FileHeaderLength..];
        int used = ReadRecords(records);
        if (Status == PcapReadStatus.Reading)
        {
            Status = used == records.Length ? PcapReadStatus.Completed : PcapReadStatus.Truncated;
        }
        return Status;
    }

    private ReadOnlySequence<byte> Consume(ReadOnlySequence<byte> buffer)
    {
        if (_format == default)
        {
            if (buffer.Length < PcapLayout.FileHeaderLength)
            {
                return buffer;
            }
            buffer.Slice(0, PcapLayout.FileHeaderLength).CopyTo(_scratch);
            if (!ReadHeader(_scratch))
            {
                return buffer.Slice(buffer.End);
            }
            buffer = buffer.Slice(PcapLayout.FileHeaderLength);
        }
        while (true)
        {
            int used = ReadRecords(buffer.FirstSpan);
            buffer = buffer.Slice(used);
            if (Status != PcapReadStatus.Reading || buffer.Length < PcapLayout.RecordHeaderLength)
            {
                return buffer;
            }
            if (used > 0)
            {
                // Progress: the first span may now be a fresh segment with whole records in it.
                continue;
            }
            if (buffer.FirstSpan.Length >= buffer.Length)
            {
                return buffer;
            }
            // The next record straddles two segments: copy it out whole.
            buffer.Slice(0, PcapLayout.RecordHeaderLength).CopyTo(_scratch);
            uint included = _format.ReadUInt32(_scratch.AsSpan(PcapLayout.IncludedLength));
            if (included > PcapLayout.MaxRecordLength)
            {
                Status = PcapReadStatus.CorruptRecord;
                return buffer;
            }
            int length = PcapLayout.RecordHeaderLength + (int)included;
            if (buffer.Length < length)
            {
                return buffer;
            }
            buffer.Slice(0, length).CopyTo(_scratch);
            buffer = buffer.Slice(ReadRecords(_scratch.AsSpan(0, length)));
        }
    }

    private bool ReadHeader(ReadOnlySpan<byte> file)
    {
        if (file.Length < PcapLayout.FileHeaderLength)
        {
            Status = PcapReadStatus.Truncated;
            return false;
        }
        if (!PcapFileFormat.TryRead(file, out var format))
        {
            Status = PcapReadStatus.BadMagic;
            return false;
        }
        if (format.LinkType != PcapLayout.EthernetLinkType)
        {
            Status = PcapReadStatus.UnsupportedLinkType;
            return false;
        }
        _format = format;
        return true;
    }

    /// <summary>Hands over every whole record at the start of <paramref name="bytes"/>; returns the bytes they took.</summary>
    private int ReadRecords(ReadOnlySpan<byte> bytes)
    {
        int offset = 0;
        while (bytes.Length - offset >= PcapLayout.RecordHeaderLength)
        {
            var header = bytes.Slice(offset, PcapLayout.RecordHeaderLength);
            uint included = _format.ReadUInt32(header[PcapLayout.IncludedLength..]);
            if (included > PcapLayout.MaxRecordLength)
            {
                Status = PcapReadStatus.CorruptRecord;
                break;
            }
            int length = PcapLayout.RecordHeaderLength + (int)included;
            if (bytes.Length - offset < length)
            {
                break;
            }
            _handler.OnPacket(bytes.Slice(offset + PcapLayout.RecordHeaderLength, (int)included), _format.TimestampNs(header));
            Records++;
            offset += length;
        }
        return offset;
    }
}
