using Engine.Config;
using Engine.Risk;
using Feeds.Kraken;

namespace Engine.Tests.MarketData;

/// <summary>Test options with Kraken pairs: each pair's instrument at Kraken's volume scale, as validation requires.</summary>
internal static class KrakenVolumes
{
    /// <summary>Gives every Kraken pair of <paramref name="options"/> within the books quantityDecimals 8, in its risk entry or a new one; returns the options.</summary>
    public static EngineOptions WithKrakenVolumes(this EngineOptions options)
    {
        int first = options.Synthetic.ActiveInstruments();
        int pairs = options.Feeds.Kraken.Enabled ? options.Feeds.Kraken.Pairs.Count : 0;
        for (int id = first; id < first + pairs && id < options.Book.Instruments; id++)
        {
            var entry = options.Risk.Instruments.Find(e => e.InstrumentId == id);
            if (entry is null)
            {
                options.Risk.Instruments.Add(new RiskInstrumentOptions { InstrumentId = id, QuantityDecimals = KrakenBook.VolumeDecimals });
            }
            else
            {
                entry.QuantityDecimals = KrakenBook.VolumeDecimals;
            }
        }
        return options;
    }
}
