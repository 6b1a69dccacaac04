using System.Diagnostics;
using Engine.Book;
using Engine.Host;
using Engine.Risk;
using Prometheus;

namespace Engine.Metrics;

/// <summary>
/// The engine's Prometheus metrics, filled from the snapshots the loop publishes at each end of
/// batch: the hot path never touches a prometheus-net object. <see cref="Publish"/> runs on the
/// publisher's timer thread.
/// </summary>
public sealed class EngineMetrics
{
    private static readonly RiskRejectReason[] s_reasons = Enum.GetValues<RiskRejectReason>();

    /// <summary>The breaker's trip reasons (the transitions into Open that <see cref="CircuitBreaker.TripsToday"/> counts).</summary>
    private static readonly BreakerReason[] s_tripReasons =
    [
        BreakerReason.DailyLoss, BreakerReason.ManualKill, BreakerReason.RejectRate,
        BreakerReason.ErrorRate, BreakerReason.StaleFeed, BreakerReason.InvalidBook,
    ];

    /// <summary><c>engine_venue_rate_limit_permits</c> on the paper venue, which has no REST rate limiter.</summary>
    public const long PaperVenueRatePermits = -1;

    private readonly EngineHost _host;
    private readonly Counter _events;
    private readonly Gauge _ringOccupancy;
    private readonly Gauge _ringSlots;
    private readonly Counter _backPressure;
    private readonly Counter _faults;
    private readonly Counter _ordersSubmitted;
    private readonly Counter _fills;
    private readonly Counter _venueRejects;
    private readonly Counter _fillsRefused;
    private readonly Counter _unanswered;
    private readonly Counter _unwatched;
    private readonly Counter _cancelsSent;
    private readonly Counter _riskApproved;
    private readonly Counter _riskRejected;
    private readonly Gauge _breakerState;
    private readonly Gauge _tradingState;
    private readonly Gauge _pnlDaily;
    private readonly Gauge _pnlRealised;
    private readonly Gauge _pnlUnrealised;
    private readonly Gauge _grossExposure;
    private readonly Gauge _openPositions;
    private readonly Gauge _openOrders;
    private readonly Gauge _invalidBooks;
    private readonly Counter _bookErrors;
    private readonly Gauge _venueReady;
    private readonly Gauge _dailyLossLimit;
    private readonly Gauge _feedConnected;
    private readonly Gauge _feedStale;
    private readonly Gauge _feedLastMessageAge;
    private readonly Counter _feedMessages;
    private readonly Counter _feedReconnects;
    private readonly Counter _feedGaps;
    private readonly Counter _feedChecksumFailures;
    private readonly Counter _feedDecodeErrors;
    private readonly LatencyExport _tickToOrder;
    private readonly LatencyExport _intentToAck;
    private readonly Counter _breakerTrips;
    private readonly Counter _ordersFilled;
    private readonly Counter _ordersCanceled;
    private readonly Gauge _venueStreamConnected;
    private readonly Counter _venueStreamReconnects;
    private readonly Gauge _venueRatePermits;
    private readonly Gauge _venueReportsWaiting;
    private readonly Counter _venueReportQueueGrown;
    private readonly Counter _loopTicks;
    private readonly Counter _loopTicksSkipped;
    private readonly Counter _strategyEvents;

    /// <summary>Registers the metrics in <paramref name="registry"/> for <paramref name="host"/>.</summary>
    public EngineMetrics(EngineHost host, CollectorRegistry registry)
    {
        _host = host;
        var f = Prometheus.Metrics.WithCustomRegistry(registry);
        _events = f.CreateCounter("engine_events_processed_total", "Inbound events the loop has handled.");
        _ringOccupancy = f.CreateGauge("engine_ring_occupancy", "Inbound ring slots published but not yet handled.");
        _ringSlots = f.CreateGauge("engine_ring_slots", "Size of the inbound ring.");
        _backPressure = f.CreateCounter("engine_ring_backpressure_total", "Times a producer found the inbound ring full and waited.");
        _faults = f.CreateCounter("engine_handler_faults_total", "Handler exceptions that reached the exception policy.");
        _ordersSubmitted = f.CreateCounter("engine_orders_submitted_total", "New orders written to the outbound ring.");
        _fills = f.CreateCounter("engine_fills_total", "Fills the venue reported (those the position table refused included: engine_fills_refused_total).");
        _venueRejects = f.CreateCounter("engine_orders_rejected_total", "Orders the venue rejected.");
        _fillsRefused = f.CreateCounter("engine_fills_refused_total", "Fills the venue reported that the position table refused (a price above positions.maxPriceTicks, a position past positions.maxPositionQty): the engine's positions no longer match the venue's.");
        _unanswered = f.CreateCounter("engine_orders_unanswered_total", "Orders the venue had not answered (accepted, rejected or filled) orders.ackTimeoutMs after their send; each also counts as an order-path error toward the breaker.");
        _unwatched = f.CreateCounter("engine_orders_unwatched_total", "Orders no longer watched for an answer: more were sent within one orders.ackTimeoutMs than orders.capacity.");
        _cancelsSent = f.CreateCounter("engine_cancels_sent_total", "Cancels written to the outbound ring.");
        _riskApproved = f.CreateCounter("engine_risk_approved_total", "Intents the pre-trade checks approved.");
        _riskRejected = f.CreateCounter("engine_risk_rejections_total", "Intents the pre-trade checks refused, by reason.", "reason");
        _breakerState = f.CreateGauge("engine_breaker_state", "Circuit breaker: 0 Closed, 1 Open, 2 ResetPending, 3 HalfOpen.");
        _tradingState = f.CreateGauge("engine_trading_state", "Trading state: 0 Active, 1 Reducing, 2 Halted.");
        _pnlDaily = f.CreateGauge("engine_pnl_daily_cents", "Realised + unrealised - fees since the session start, cents.");
        _pnlRealised = f.CreateGauge("engine_pnl_realised_cents", "Realised P&L since start-up, cents, before fees.");
        _pnlUnrealised = f.CreateGauge("engine_pnl_unrealised_cents", "Unrealised P&L at the marks, cents.");
        _grossExposure = f.CreateGauge("engine_gross_exposure_cents", "Positions marked to mid plus open orders' notional, cents.");
        _openPositions = f.CreateGauge("engine_open_positions", "Positions that are not flat.");
        _openOrders = f.CreateGauge("engine_open_orders", "Open orders.");
        _invalidBooks = f.CreateGauge("engine_invalid_books", "Order books currently invalid (gap, resync, stale).");
        _bookErrors = f.CreateCounter("engine_book_errors_total", "Market events the books could not apply exactly, by kind (unknown order, levels full, ...): skipped or applied in part, and counted.", "kind");
        _venueReady = f.CreateGauge("engine_venue_ready", "1 when the venue can take orders (Alpaca: stream up and reconciled).");
        _dailyLossLimit = f.CreateGauge("engine_daily_loss_limit_cents", "The daily loss limit in force (risk.maxDailyLossCents), cents.");
        _feedConnected = f.CreateGauge("engine_feed_connected", "1 while the feed delivers usable data (Kraken: subscribed, first snapshot of the connection in; synthetic: running).", "feed");
        _feedStale = f.CreateGauge("engine_feed_stale", "1 when the feed's last connection ended because no message came within its stale timeout, until it reconnects.", "feed");
        _feedLastMessageAge = f.CreateGauge("engine_feed_last_message_age_seconds", "Seconds since the feed's last message (since start-up if none yet).", "feed");
        _feedMessages = f.CreateCounter("engine_feed_messages_total", "Messages the feed received (WebSocket messages; synthetic: events).", "feed");
        _feedReconnects = f.CreateCounter("engine_feed_reconnects_total", "Times the feed was connected again after its first connection.", "feed");
        _feedGaps = f.CreateCounter("engine_feed_gaps_total", "Times a book of the feed lost continuity and was resynchronised (Kraken: a book invalidated and resubscribed).", "feed");
        _feedChecksumFailures = f.CreateCounter("engine_feed_checksum_failures_total", "Book updates whose checksum did not match.", "feed");
        _feedDecodeErrors = f.CreateCounter("engine_feed_decode_errors_total", "Messages the feed's decoder could not use (malformed, wrong scale, unknown).", "feed");
        _tickToOrder = new LatencyExport(f, "engine_tick_to_order_seconds", "From the publish of the event that led to a new order to its command on the outbound ring.", host.Router.TickToOrder);
        _intentToAck = new LatencyExport(f, "engine_intent_to_ack_seconds", "From an order's command on the outbound ring to the loop handling the venue's first answer (accepted, fill or reject).", host.Router.IntentToAck);
        _breakerTrips = f.CreateCounter("engine_breaker_trips_total", "Circuit breaker trips (into Open), by reason.", "reason");
        _ordersFilled = f.CreateCounter("engine_orders_filled_total", "Orders completely filled.");
        _ordersCanceled = f.CreateCounter("engine_orders_canceled_total", "Orders whose cancel the venue confirmed.");
        _venueStreamConnected = f.CreateGauge("engine_venue_stream_connected", "1 while the venue's order stream is up (Alpaca trade_updates; always 1 for the in-process paper venue).");
        _venueStreamReconnects = f.CreateCounter("engine_venue_stream_reconnects_total", "Times the venue's order stream came up again after the first time.");
        _venueRatePermits = f.CreateGauge("engine_venue_rate_limit_permits", "REST requests the venue's rate limiter would let through now (-1: the paper venue has no limiter).");
        _venueReportsWaiting = f.CreateGauge("engine_venue_reports_waiting", "Execution reports the venue holds while the inbound ring is full.");
        _venueReportQueueGrown = f.CreateCounter("engine_venue_report_queue_grown_total", "Times the venue's report queue was full too and doubled (an allocation in an overload; raise orders.reportQueue).");
        _loopTicks = f.CreateCounter("engine_loop_ticks_total", "No-op events the loop published into its inbound ring after pipeline.tickMs with nothing to do, so that its time-driven work runs in a quiet market.");
        _loopTicksSkipped = f.CreateCounter("engine_loop_ticks_skipped_total", "Loop ticks skipped because the inbound ring had no room.");
        _strategyEvents = f.CreateCounter("engine_strategy_events_total", "The strategy's counts: intents it submitted and the checks refused, then its own (market maker: quotes, replaces, cancels, fills...).", "strategy", "event");
    }

    /// <summary>Copies the current snapshots into the metrics. Publisher thread.</summary>
    public void Publish()
    {
        var status = _host.Status();
        var risk = _host.Risk.Snapshot;
        var router = _host.Router.Snapshot;
        _events.IncTo(status.EventsProcessed);
        _ringOccupancy.Set(status.RingOccupancy);
        _ringSlots.Set(status.RingSlots);
        _backPressure.IncTo(status.ClaimWaits);
        _faults.IncTo(status.HandlerFaults);
        _ordersSubmitted.IncTo(router.Sent);
        _fills.IncTo(router.Fills);
        _venueRejects.IncTo(router.VenueRejects);
        _fillsRefused.IncTo(router.FillsRefusedByPositions);
        _unanswered.IncTo(router.Unanswered);
        _unwatched.IncTo(router.Unwatched);
        _cancelsSent.IncTo(router.CancelsSent);
        _riskApproved.IncTo(risk.Approved);
        foreach (var reason in s_reasons)
        {
            if (reason != RiskRejectReason.None)
            {
                _riskRejected.WithLabels(reason.ToString()).IncTo(risk.RejectedFor(reason));
            }
        }
        _breakerState.Set((int)risk.BreakerState);
        _tradingState.Set((int)risk.TradingState);
        _pnlDaily.Set(risk.DailyPnlCents);
        _pnlRealised.Set(risk.RealisedCents);
        _pnlUnrealised.Set(risk.UnrealisedCents);
        _grossExposure.Set(risk.GrossExposureCents);
        _openPositions.Set(risk.OpenPositions);
        _openOrders.Set(risk.OpenOrders);
        _invalidBooks.Set(risk.InvalidBooks);
        var bookErrors = BookErrorCounts.Read(_host.Books);
        foreach (var kind in BookErrorCounts.Kinds)
        {
            _bookErrors.WithLabels(kind.ToString()).IncTo(bookErrors[kind]);
        }
        _venueReady.Set(_host.VenueReady ? 1 : 0);
        // An immutable object swapped by reference on the loop: reading it here is safe.
        _dailyLossLimit.Set(_host.Risk.Engine.Limits.MaxDailyLossCents);
        _tickToOrder.Publish();
        _intentToAck.Publish();
        foreach (var reason in s_tripReasons)
        {
            _breakerTrips.WithLabels(reason.ToString()).IncTo(risk.BreakerTransitionsFor(reason));
        }
        _ordersFilled.IncTo(router.OrdersFilled);
        _ordersCanceled.IncTo(router.OrdersCanceled);
        PublishFeeds();
        PublishVenue();
        if (_host.Ticker is { } ticker)
        {
            _loopTicks.IncTo(ticker.Published);
            _loopTicksSkipped.IncTo(ticker.Skipped);
        }
        PublishStrategy();
    }

    /// <summary>The strategy's counts, one series per name; nothing when no strategy runs.</summary>
    private void PublishStrategy()
    {
        var stage = _host.Strategy;
        if (stage.Strategy is not { } strategy)
        {
            return;
        }
        var counts = stage.Counts;
        for (int i = 0; i < counts.Names.Count; i++)
        {
            _strategyEvents.WithLabels(strategy.Name, counts.Names[i]).IncTo(counts[i]);
        }
    }

    /// <summary>Copies each feed's health into its labelled series.</summary>
    private void PublishFeeds()
    {
        long now = Stopwatch.GetTimestamp();
        foreach (var feed in _host.Feeds)
        {
            string name = feed.Name;
            _feedConnected.WithLabels(name).Set(feed.IsConnected ? 1 : 0);
            _feedStale.WithLabels(name).Set(feed.IsStale ? 1 : 0);
            _feedLastMessageAge.WithLabels(name).Set(feed.LastMessageAgeSeconds(now));
            _feedMessages.WithLabels(name).IncTo(feed.Messages);
            _feedReconnects.WithLabels(name).IncTo(feed.Reconnects);
            _feedGaps.WithLabels(name).IncTo(feed.Gaps);
            _feedChecksumFailures.WithLabels(name).IncTo(feed.ChecksumFailures);
            _feedDecodeErrors.WithLabels(name).IncTo(feed.DecodeErrors);
        }
    }

    /// <summary>The venue's report queue, stream and rate limiter (the last two fixed for the paper venue).</summary>
    private void PublishVenue()
    {
        var reports = _host.VenueReports;
        _venueReportsWaiting.Set(reports.Pending);
        _venueReportQueueGrown.IncTo(reports.Grown);
        var alpaca = _host.Alpaca;
        if (alpaca is null)
        {
            _venueStreamConnected.Set(1);
            _venueRatePermits.Set(PaperVenueRatePermits);
            return;
        }
        _venueStreamConnected.Set(alpaca.Stream.IsUp ? 1 : 0);
        _venueStreamReconnects.IncTo(Math.Max(0, alpaca.Stream.UpCount - 1));
        _venueRatePermits.Set(alpaca.RatePermitsLeft);
    }
}
