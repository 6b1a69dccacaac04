using Feeds;

namespace Engine.Tests.Positions;

/// <summary>
/// The naive model for the property tests: average-cost positions in <see cref="decimal"/>, with
/// an exact average entry (no truncation), realised on reduction as (exit - average) x closed.
/// Prices are in sub-ticks and money in sub-tick x quantity, as in the table.
/// </summary>
internal sealed class ReferencePositions(int instruments, long maxPositionQty)
{
    private readonly long[] _quantity = new long[instruments];
    private readonly decimal[] _average = new decimal[instruments];
    private readonly decimal[] _realised = new decimal[instruments];
    private readonly decimal[] _fees = new decimal[instruments];
    private readonly decimal[] _mark = new decimal[instruments];

    /// <summary>Partial closes so far: each may move realised P&amp;L in the table by less than one value unit.</summary>
    public int PartialCloses { get; private set; }

    /// <summary>Applies a fill; false when the table must refuse it (the position bound).</summary>
    public bool ApplyFill(int id, Side side, long quantity, long priceTicks, long fee)
    {
        long signed = side == Side.Buy ? quantity : -quantity;
        long held = _quantity[id];
        if (Math.Abs(held + signed) > maxPositionQty)
        {
            return false;
        }
        decimal price = priceTicks * 10_000m;
        if (held == 0 || (held > 0) == (signed > 0))
        {
            _average[id] = ((_average[id] * Math.Abs(held)) + (price * quantity)) / Math.Abs(held + signed);
        }
        else
        {
            long closing = Math.Min(quantity, Math.Abs(held));
            _realised[id] += (price - _average[id]) * closing * Math.Sign(held);
            if (closing < Math.Abs(held))
            {
                PartialCloses++;
            }
            if (quantity > closing)
            {
                _average[id] = price;
            }
            else if (held + signed == 0)
            {
                _average[id] = 0;
            }
        }
        _quantity[id] = held + signed;
        _fees[id] += fee;
        if (_mark[id] == 0)
        {
            _mark[id] = price;
        }
        return true;
    }

    public void Mark(int id, long midSubTicks) => _mark[id] = midSubTicks;

    public long Quantity(int id) => _quantity[id];

    public decimal Realised(int id) => _realised[id];

    public decimal Unrealised(int id) => (_mark[id] - _average[id]) * _quantity[id];

    public decimal Net(int id) => _realised[id] + Unrealised(id) - _fees[id];

    public decimal Exposure(int id) => Math.Abs(_quantity[id]) * _mark[id];

    public decimal Fees(int id) => _fees[id];

    public decimal Average(int id) => _average[id];
}
