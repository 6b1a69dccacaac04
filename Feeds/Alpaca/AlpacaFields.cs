using System.Text.Json;

namespace Feeds.Alpaca;

/// <summary>
/// The fields of one object of an Alpaca message that the decoder uses, read in any order, as
/// spans into the message (or, for an escaped string, into the decoder's scratch buffer). An
/// absent field is empty; <see cref="Bad"/> says a known field had the wrong JSON type.
/// </summary>
/// <remarks>
/// Field meaning depends on <c>T</c>, which JSON does not promise to come first, so values are
/// kept as text and interpreted after the object ends. <c>c</c> is a bar's close price (a number)
/// or a trade's or quote's condition list (an array, skipped).
/// </remarks>
internal ref struct AlpacaFields
{
    /// <summary>Bytes of scratch for unescaped strings of one object; an object needing more is bad.</summary>
    public const int ScratchBytes = 512;

    private const int MaxPropertyNameLength = 16;

    public ReadOnlySpan<byte> Type;
    public ReadOnlySpan<byte> Symbol;
    public ReadOnlySpan<byte> TradeId;
    public ReadOnlySpan<byte> Price;
    public ReadOnlySpan<byte> Size;
    public ReadOnlySpan<byte> Timestamp;
    public ReadOnlySpan<byte> BidPrice;
    public ReadOnlySpan<byte> BidSize;
    public ReadOnlySpan<byte> AskPrice;
    public ReadOnlySpan<byte> AskSize;
    public ReadOnlySpan<byte> Open;
    public ReadOnlySpan<byte> High;
    public ReadOnlySpan<byte> Low;
    public ReadOnlySpan<byte> Close;
    public ReadOnlySpan<byte> Volume;
    public ReadOnlySpan<byte> StatusCode;
    public ReadOnlySpan<byte> ReasonCode;
    public ReadOnlySpan<byte> Message;
    public ReadOnlySpan<byte> Code;
    public bool Bad;
    private int _scratchUsed;

    private enum Field : byte
    {
        Other,
        Type,
        Symbol,
        TradeId,
        Price,
        Size,
        Timestamp,
        BidPrice,
        BidSize,
        AskPrice,
        AskSize,
        Open,
        High,
        Low,
        Close,
        Volume,
        StatusCode,
        ReasonCode,
        Message,
        Code,
    }

    /// <summary>
    /// Reads the properties of the object whose <c>StartObject</c> the reader is on, up to its
    /// <c>EndObject</c>. Invalid JSON throws <see cref="JsonException"/>, which the decoder catches.
    /// </summary>
    public void Read(scoped ref Utf8JsonReader reader, byte[] scratch)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Classify(ref reader);
            reader.Read();
            Capture(ref reader, field, scratch);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                reader.Skip();
            }
        }
    }

    private static Field Classify(scoped ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return Classify(reader.ValueSpan);
        }
        if (reader.ValueSpan.Length > MaxPropertyNameLength)
        {
            return Field.Other;
        }
        Span<byte> name = stackalloc byte[MaxPropertyNameLength];
        int length = reader.CopyString(name);
        return Classify(name[..length]);
    }

    private static Field Classify(ReadOnlySpan<byte> name) => name.Length switch
    {
        1 => name[0] switch
        {
            (byte)'T' => Field.Type,
            (byte)'S' => Field.Symbol,
            (byte)'i' => Field.TradeId,
            (byte)'p' => Field.Price,
            (byte)'s' => Field.Size,
            (byte)'t' => Field.Timestamp,
            (byte)'o' => Field.Open,
            (byte)'h' => Field.High,
            (byte)'l' => Field.Low,
            (byte)'c' => Field.Close,
            (byte)'v' => Field.Volume,
            _ => Field.Other,
        },
        2 when name.SequenceEqual("bp"u8) => Field.BidPrice,
        2 when name.SequenceEqual("bs"u8) => Field.BidSize,
        2 when name.SequenceEqual("ap"u8) => Field.AskPrice,
        2 when name.SequenceEqual("as"u8) => Field.AskSize,
        2 when name.SequenceEqual("sc"u8) => Field.StatusCode,
        2 when name.SequenceEqual("rc"u8) => Field.ReasonCode,
        3 when name.SequenceEqual("msg"u8) => Field.Message,
        4 when name.SequenceEqual("code"u8) => Field.Code,
        _ => Field.Other,
    };

    private void Capture(scoped ref Utf8JsonReader reader, Field field, byte[] scratch)
    {
        switch (field)
        {
            case Field.Other:
                return;
            case Field.Close when reader.TokenType == JsonTokenType.StartArray:
                return;
            case Field.Type:
                Type = String(ref reader, scratch);
                return;
            case Field.Symbol:
                Symbol = String(ref reader, scratch);
                return;
            case Field.Timestamp:
                Timestamp = String(ref reader, scratch);
                return;
            case Field.StatusCode:
                StatusCode = String(ref reader, scratch);
                return;
            case Field.ReasonCode:
                ReasonCode = String(ref reader, scratch);
                return;
            case Field.Message:
                Message = String(ref reader, scratch);
                return;
            default:
                CaptureNumber(ref reader, field);
                return;
        }
    }

    private void CaptureNumber(scoped ref Utf8JsonReader reader, Field field)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            Bad = true;
            return;
        }
        // A number token is never escaped and the input is one span: ValueSpan is the text as sent.
        var text = reader.ValueSpan;
        switch (field)
        {
            case Field.TradeId: TradeId = text; break;
            case Field.Price: Price = text; break;
            case Field.Size: Size = text; break;
            case Field.BidPrice: BidPrice = text; break;
            case Field.BidSize: BidSize = text; break;
            case Field.AskPrice: AskPrice = text; break;
            case Field.AskSize: AskSize = text; break;
            case Field.Open: Open = text; break;
            case Field.High: High = text; break;
            case Field.Low: Low = text; break;
            case Field.Close: Close = text; break;
            case Field.Volume: Volume = text; break;
            default: Code = text; break;
        }
    }

    /// <summary>A string value as UTF-8: the raw bytes, or unescaped into the scratch buffer.</summary>
    private ReadOnlySpan<byte> String(scoped ref Utf8JsonReader reader, byte[] scratch)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            Bad = true;
            return default;
        }
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }
        // The escaped text is never shorter than the unescaped one, so this check makes CopyString safe.
        if (reader.ValueSpan.Length > scratch.Length - _scratchUsed)
        {
            Bad = true;
            return default;
        }
        int length = reader.CopyString(scratch.AsSpan(_scratchUsed));
        var value = new ReadOnlySpan<byte>(scratch, _scratchUsed, length);
        _scratchUsed += length;
        return value;
    }
}
