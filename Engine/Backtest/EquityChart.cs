using ScottPlot;

namespace Engine.Backtest;

/// <summary>
/// Draws a backtest's equity curve and drawdown as one PNG: net P&amp;L in the run's currency over
/// venue time on top, the drawdown below it as a red area on the same time axis, with the headline figures in the
/// title.
/// </summary>
/// <remarks>Off the loop, after the run; ScottPlot renders headless (SkiaSharp).</remarks>
public static class EquityChart
{
    private const int Width = 1200;
    private const int Height = 800;

    /// <summary>Writes the chart of <paramref name="curve"/> (money in <paramref name="currency"/>) to <paramref name="path"/>, titled with <paramref name="title"/> and <paramref name="figures"/>.</summary>
    public static void Write(string path, string title, string currency, IReadOnlyList<EquityPoint> curve, BacktestFigures figures)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(figures);
        var seconds = new double[curve.Count];
        var pnl = new double[curve.Count];
        var drawdown = new double[curve.Count];
        long startNs = curve.Count > 0 ? curve[0].TsNs : 0;
        for (int i = 0; i < curve.Count; i++)
        {
            seconds[i] = (curve[i].TsNs - startNs) / 1e9;
            pnl[i] = (double)curve[i].PnlCents / 100.0;
            drawdown[i] = -(double)curve[i].DrawdownCents / 100.0;
        }

        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.CustomGrid();
        var top = multiplot.GetPlot(0);
        var bottom = multiplot.GetPlot(1);
        ((ScottPlot.MultiplotLayouts.CustomGrid)multiplot.Layout).Set(top, new GridCell(0, 0, 3, 1, rowSpan: 2));
        ((ScottPlot.MultiplotLayouts.CustomGrid)multiplot.Layout).Set(bottom, new GridCell(2, 0, 3, 1));

        var line = top.Add.ScatterLine(seconds, pnl);
        line.LineWidth = 2;
        line.Color = Colors.SteelBlue;
        // The curve holds its value until the next sample: draw it as steps, not slopes.
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        top.Add.HorizontalLine(0, 1, Colors.Gray, LinePattern.Dashed);
        top.Title($"{title}\n{Headline(figures, currency)}");
        top.YLabel($"net P&L ({currency})");

        // Steps like the curve above (each value holds until the next point), filled down from 0.
        var fill = bottom.Add.ScatterLine(seconds, drawdown);
        fill.ConnectStyle = ConnectStyle.StepHorizontal;
        fill.Color = Colors.DarkRed;
        fill.FillY = true;
        fill.FillYValue = 0;
        fill.FillYColor = Colors.Red.WithAlpha(0.35);
        bottom.YLabel($"drawdown ({currency})");
        bottom.XLabel("venue time since the first event (s)");
        multiplot.SharedAxes.ShareX([top, bottom]);
        multiplot.SavePng(path, Width, Height);
    }

    // The ratios are annualised from the interval's returns: over a short sample they say little, so the count is beside them.
    private static string Headline(BacktestFigures f, string currency) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"net {f.NetPnlCents / 100m:N2} {currency} after {f.FeesCents / 100m:N2} {currency} fees   max drawdown {f.MaxDrawdownCents / 100m:N2} {currency} ({f.MaxDrawdownPct:0.###} %)\nSharpe {Format(f.Sharpe)}   Sortino {Format(f.Sortino)} (annualised from {f.Returns} returns)   {WinRate(f)}   {f.Fills} fills   turnover {f.Turnover:0.##}");

    private static string WinRate(BacktestFigures f) => f.WinRate is { } rate
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"win rate {rate * 100:0.##} % of {f.ClosedTrades} round trips")
        : "no round trip closed";

    private static string Format(double? value) => value is { } v ? v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "n/a";
}
