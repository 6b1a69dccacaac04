namespace Feeds.Instruments;

/// <summary>
/// Symbol to instrument id, and id to <see cref="Instrument"/>. Decoders turn symbols into ids
/// here, so the hot path never sees a string.
/// </summary>
/// <remarks>
/// Filled at start-up (or, in a replay, by the one decoding thread); lookups allocate nothing and
/// may run on any thread once the table stops changing. Capacity is fixed: a full table refuses
/// new symbols instead of growing.
/// </remarks>
public sealed class InstrumentTable
{
    private const int MaxSymbolLength = 32;

    private readonly Instrument[] _byId;
    private readonly Dictionary<string, int> _bySymbol;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySymbolSpan;

    /// <summary>Creates an empty table for at most <paramref name="capacity"/> instruments.</summary>
    public InstrumentTable(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _byId = new Instrument[capacity];
        _bySymbol = new Dictionary<string, int>(capacity, StringComparer.Ordinal);
        _bySymbolSpan = _bySymbol.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of instruments.</summary>
    public int Count { get; private set; }

    /// <summary>Most instruments the table holds.</summary>
    public int Capacity => _byId.Length;

    /// <summary>The instrument with id <paramref name="id"/>.</summary>
    public Instrument this[int id] => (uint)id < (uint)Count ? _byId[id] : throw new ArgumentOutOfRangeException(nameof(id), id, "no such instrument id");

    /// <summary>
    /// Adds an instrument and returns it; the existing one if the symbol is known; null if the table is full.
    /// </summary>
    public Instrument? GetOrAdd(string symbol, int priceDecimals, long tickSizeTicks = 1, long lotSize = 1, string venue = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        if (symbol.Length > MaxSymbolLength)
        {
            throw new ArgumentException($"symbol '{symbol}' is longer than {MaxSymbolLength} characters", nameof(symbol));
        }
        if (_bySymbol.TryGetValue(symbol, out int known))
        {
            return _byId[known];
        }
        if (Count == _byId.Length)
        {
            return null;
        }
        var instrument = new Instrument(Count, symbol, priceDecimals, tickSizeTicks, lotSize, venue);
        _byId[Count] = instrument;
        _bySymbol.Add(symbol, Count);
        Count++;
        return instrument;
    }

    /// <summary>Looks a symbol up without allocating.</summary>
    public bool TryGetId(ReadOnlySpan<char> symbol, out int id) => _bySymbolSpan.TryGetValue(symbol, out id);

    /// <summary>
    /// Looks up an ASCII symbol as it sits in a wire message, without allocating; trailing spaces
    /// (ITCH pads its 8-byte stock field) are ignored.
    /// </summary>
    public bool TryGetIdAscii(ReadOnlySpan<byte> symbol, out int id)
    {
        symbol = symbol.TrimEnd((byte)' ');
        if (symbol.Length > MaxSymbolLength)
        {
            id = -1;
            return false;
        }
        Span<char> chars = stackalloc char[MaxSymbolLength];
        for (int i = 0; i < symbol.Length; i++)
        {
            chars[i] = (char)symbol[i];
        }
        return TryGetId(chars[..symbol.Length], out id);
    }
}
