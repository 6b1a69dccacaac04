using System.Globalization;
using System.Net.Security;
using System.Security.Authentication;
using System.Text.Json;
using System.Threading.RateLimiting;
using Engine.Config;
using Engine.Orders;
using Feeds.Transport;
using Microsoft.Extensions.Logging;

namespace Engine.Venues.Alpaca;

/// <summary>
/// Alpaca's Trading API v2 over HTTPS: every request rate limited, retried with full-jitter backoff
/// on 429, 5xx and network failures, and never a blind second POST: an order whose POST may have
/// reached the venue is looked up by client_order_id before it is sent again.
/// </summary>
/// <remarks>
/// Gateway threads only, never the loop; thread-safe, so several requests may be in flight. It
/// allocates (HTTP, JSON) and never throws for a venue's answer: failures are results. The
/// credentials go into two headers of each request and nowhere else: no log line, exception or
/// error text of this class contains them, and a server message quoting them is redacted.
/// <code>
/// var credentials = ApiCredentials.FromEnvironmentOrCredentialFiles(AlpacaTradingOptions.KeyIdVariable, AlpacaTradingOptions.SecretKeyVariable);
/// using var client = new AlpacaRestClient(options, credentials, logger);
/// var placed = await client.PlaceOrderAsync(request, stop);
/// </code>
/// </remarks>
public sealed partial class AlpacaRestClient : IAlpacaTradingApi, IDisposable
{
    /// <summary>The header carrying the API key id.</summary>
    public const string KeyIdHeader = "APCA-API-KEY-ID";

    /// <summary>The header carrying the API secret key.</summary>
    public const string SecretKeyHeader = "APCA-API-SECRET-KEY";

    /// <summary>The only TLS versions the client speaks.</summary>
    internal const SslProtocols AllowedTlsProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>Requests that may wait for the rate limiter at once; past that a request fails at once with <see cref="VenueRejectReason.RateLimited"/>.</summary>
    internal const int MaxQueuedRequests = 10_000;

    /// <summary>Orders per page of GET /v2/orders (Alpaca's maximum).</summary>
    internal const int OpenOrdersPageSize = 500;

    /// <summary>Largest answer body read (500 orders are well under this).</summary>
    private const int MaxAnswerBytes = 8 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly TokenBucketRateLimiter _limiter;
    private readonly AlpacaRetryPolicy _retries;
    private readonly AlpacaOrderIdMap _orderIds;
    private readonly ApiCredentials _credentials;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly AlpacaTradingMode _mode;
    private readonly string _baseUrl;
    private readonly TimeSpan _requestTimeout;

    /// <summary>
    /// Builds the client. Throws <see cref="ConfigException"/> listing every problem with
    /// <paramref name="options"/> (a URL the mode forbids, a value out of range, a trusted root file
    /// that is missing or not a certificate).
    /// </summary>
    /// <param name="options">Validated here again; the client keeps its own copy of what it needs.</param>
    /// <param name="credentials">The key id and secret (<see cref="ApiCredentials.FromEnvironmentOrCredentialFiles"/>).</param>
    /// <param name="logger">Where retries, refusals and unknown outcomes are logged.</param>
    /// <param name="clock">The clock of the waits between retries and of Retry-After dates (<see cref="TimeProvider.System"/> when null; tests pass one that does not wait).</param>
    /// <param name="jitter">The random source of the backoff jitter (<see cref="Random.Shared"/> when null).</param>
    public AlpacaRestClient(AlpacaTradingOptions options, ApiCredentials credentials, ILogger logger, TimeProvider? clock = null, Random? jitter = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(logger);
        var problems = new List<string>();
        options.Validate("venues.alpaca", problems);
        if (problems.Count != 0)
        {
            throw new ConfigException("venues.alpaca", problems);
        }
        _mode = options.Mode;
        _baseUrl = options.EffectiveBaseUrl.TrimEnd('/');
        _requestTimeout = TimeSpan.FromMilliseconds(options.RequestTimeoutMs);
        _credentials = credentials;
        _logger = logger;
        _clock = clock ?? TimeProvider.System;
        _retries = new AlpacaRetryPolicy(options.RetryBackoffBaseMs, options.RetryBackoffCapMs, options.MaxRetries, jitter ?? Random.Shared);
        _orderIds = new AlpacaOrderIdMap(options.OrderIdCacheSize);
        _limiter = new TokenBucketRateLimiter(LimiterOptions(options.RateLimitPerMinute, options.RateLimitBurst));
        Handler = new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                EnabledSslProtocols = AllowedTlsProtocols,
                RemoteCertificateValidationCallback = TrustedRootCertificate.CallbackFor(options.TrustedRootCertificatePath, "venues.alpaca.trustedRootCertificatePath"),
            },
            ConnectTimeout = _requestTimeout,
            // A redirect would be a request the URL policy never saw (and .NET drops the auth headers on one anyway).
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        _http = new HttpClient(Handler, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = MaxAnswerBytes,
        };
    }

    /// <summary>The handler every request goes through (tests read its TLS settings).</summary>
    internal SocketsHttpHandler Handler { get; }

    /// <summary>Requests the rate limiter would let through now (its permits left). Any thread; allocates a small statistics object.</summary>
    public long RatePermitsLeft => _limiter.GetStatistics()?.CurrentAvailablePermits ?? 0;

    /// <summary>Client order ids whose Alpaca id is remembered.</summary>
    internal int RememberedOrderIds => _orderIds.Count;

    /// <summary>The token bucket of <paramref name="perMinute"/> and <paramref name="burst"/>: refilled <c>perMinute - burst</c> per minute, so no minute sees more than <paramref name="perMinute"/> requests.</summary>
    internal static TokenBucketRateLimiterOptions LimiterOptions(int perMinute, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = 1,
        // Rounded up: never faster than the refill rate.
        ReplenishmentPeriod = TimeSpan.FromTicks((TimeSpan.TicksPerMinute + perMinute - burst - 1) / (perMinute - burst)),
        QueueLimit = MaxQueuedRequests,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    };

    /// <inheritdoc />
    public async Task<AlpacaOrderResult> PlaceOrderAsync(AlpacaOrderRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        const string Path = "/v2/orders";
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(request, AlpacaJsonContext.Default.AlpacaOrderRequest);
        bool mayExist = false; // a try may have reached the venue and not been looked up since
        bool everUncertain = false; // a try may have reached the venue at some point: a lookup's 404 cannot rule out that it lands later
        AlpacaError? refusedUnlessFound = null;
        AlpacaError? last = null;
        TimeSpan? retryAfter = null;
        bool retrying = false;
        int retries = 0;
        while (true)
        {
            if (retrying && !await WaitBeforeRetryAsync("POST", Path, request.ClientOrderId, retries++, retryAfter, last!, cancellation).ConfigureAwait(false))
            {
                return new AlpacaOrderResult(GiveUp("POST", Path, request.ClientOrderId, retries, everUncertain, last!), null, last);
            }
            retrying = true;
            if (mayExist)
            {
                var (found, lookup, failure) = await LookUpAsync(request.ClientOrderId, cancellation).ConfigureAwait(false);
                if (found is not null)
                {
                    return Accepted(request, found, afterUncertainSend: true);
                }
                if (failure is not null)
                {
                    last = failure;
                    retryAfter = lookup.RetryAfter;
                    // A lookup refused outright (credentials, say) leaves what the venue holds unknown.
                    if (lookup.Retryable)
                    {
                        continue;
                    }
                    return new AlpacaOrderResult(GiveUp("POST", Path, request.ClientOrderId, retries + 1, mayHaveApplied: true, last), null, last);
                }
                if (refusedUnlessFound is not null)
                {
                    // The 422 was not about our id after all: a plain refusal.
                    return Refused(new AlpacaOrderResult(AlpacaOutcome.Refused, null, refusedUnlessFound), "POST", Path, request.ClientOrderId, refusedUnlessFound);
                }
                mayExist = false; // 404: the venue never got it, so it may be sent
            }
            var attempt = await SendAsync(HttpMethod.Post, Path, body, cancellation).ConfigureAwait(false);
            if (attempt.Succeeded)
            {
                var order = Deserialize(attempt, AlpacaJsonContext.Default.AlpacaOrder, "POST", Path, request.ClientOrderId);
                if (order is not null)
                {
                    return Accepted(request, order, afterUncertainSend: false);
                }
                // Placed, but the answer is unreadable: find out what the venue holds.
                last = new AlpacaError(attempt.Status, 0, "the order answer was not the expected JSON", VenueRejectReason.Other);
                mayExist = everUncertain = true;
                continue;
            }
            last = ErrorOf(attempt, cancel: false);
            retryAfter = attempt.RetryAfter;
            if (attempt.Status == 422 && last.Code == AlpacaErrors.DuplicateClientOrderId)
            {
                // Alpaca's code for a client_order_id already taken (also used for other invalid
                // fields): if the venue holds our id, an earlier try got through (ours, or one the
                // HTTP stack repeated on a fresh connection) and that order is the answer.
                AlpacaRestLog.LookingUp(_logger, request.ClientOrderId, last.Message);
                mayExist = everUncertain = true;
                refusedUnlessFound = last;
                retrying = false; // the venue answered: look up at once, without spending a retry
                continue;
            }
            if (!attempt.Retryable)
            {
                return Refused(new AlpacaOrderResult(AlpacaOutcome.Refused, null, last), "POST", Path, request.ClientOrderId, last);
            }
            if (attempt.MayHaveApplied)
            {
                AlpacaRestLog.LookingUp(_logger, request.ClientOrderId, last.Message);
                mayExist = everUncertain = true;
            }
        }
    }

    /// <inheritdoc />
    public async Task<AlpacaCancelResult> CancelOrderAsync(string clientOrderId, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientOrderId);
        if (!_orderIds.TryGet(clientOrderId, out string orderId))
        {
            var lookup = await GetOrderByClientOrderIdAsync(clientOrderId, cancellation).ConfigureAwait(false);
            if (lookup.Outcome != AlpacaOutcome.Ok)
            {
                return new AlpacaCancelResult(lookup.Outcome, lookup.Error);
            }
            if (lookup.Value is null)
            {
                return new AlpacaCancelResult(AlpacaOutcome.Refused,
                    new AlpacaError(404, AlpacaErrors.NotFound, "no order with this client_order_id", VenueRejectReason.NotFound));
            }
            orderId = lookup.Value.Id;
        }
        string path = "/v2/orders/" + Uri.EscapeDataString(orderId);
        bool mayHaveApplied = false;
        AlpacaError? last = null;
        TimeSpan? retryAfter = null;
        for (int tries = 0; ; tries++)
        {
            if (tries > 0 && !await WaitBeforeRetryAsync("DELETE", path, clientOrderId, tries - 1, retryAfter, last!, cancellation).ConfigureAwait(false))
            {
                return new AlpacaCancelResult(GiveUp("DELETE", path, clientOrderId, tries, mayHaveApplied, last!), last);
            }
            var attempt = await SendAsync(HttpMethod.Delete, path, null, cancellation).ConfigureAwait(false);
            if (attempt.Succeeded)
            {
                return new AlpacaCancelResult(AlpacaOutcome.Ok);
            }
            last = ErrorOf(attempt, cancel: true);
            retryAfter = attempt.RetryAfter;
            if (!attempt.Retryable)
            {
                return mayHaveApplied && attempt.Status is 404 or 422
                    ? await CheckCanceledAsync(clientOrderId, last, cancellation).ConfigureAwait(false)
                    : Refused(new AlpacaCancelResult(AlpacaOutcome.Refused, last), "DELETE", path, clientOrderId, last);
            }
            mayHaveApplied |= attempt.MayHaveApplied;
        }
    }

    /// <inheritdoc />
    public async Task<AlpacaQueryResult<IReadOnlyList<AlpacaOrder>>> GetOpenOrdersAsync(CancellationToken cancellation)
    {
        string path = "/v2/orders?status=open&limit=" + OpenOrdersPageSize.ToString(CultureInfo.InvariantCulture) + "&direction=asc";
        var result = await ReadAsync(path, AlpacaJsonContext.Default.ListAlpacaOrder, notFoundIsNull: false, clientOrderId: null, cancellation).ConfigureAwait(false);
        if (result.Outcome != AlpacaOutcome.Ok || result.Value is null)
        {
            return new AlpacaQueryResult<IReadOnlyList<AlpacaOrder>>(result.Outcome, [], result.Error);
        }
        foreach (var order in result.Value)
        {
            _orderIds.Remember(order.ClientOrderId, order.Id);
        }
        if (result.Value.Count >= OpenOrdersPageSize)
        {
            AlpacaRestLog.OpenOrdersPageFull(_logger, result.Value.Count);
        }
        return new AlpacaQueryResult<IReadOnlyList<AlpacaOrder>>(AlpacaOutcome.Ok, result.Value);
    }

    /// <inheritdoc />
    public async Task<AlpacaQueryResult<AlpacaOrder?>> GetOrderByClientOrderIdAsync(string clientOrderId, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientOrderId);
        var result = await ReadAsync(ByClientOrderIdPath(clientOrderId), AlpacaJsonContext.Default.AlpacaOrder, notFoundIsNull: true, clientOrderId, cancellation).ConfigureAwait(false);
        if (result.Value is { } order)
        {
            _orderIds.Remember(order.ClientOrderId, order.Id);
        }
        return result;
    }

    /// <inheritdoc />
    public async Task<AlpacaQueryResult<IReadOnlyList<AlpacaPosition>>> GetPositionsAsync(CancellationToken cancellation)
    {
        var result = await ReadAsync("/v2/positions", AlpacaJsonContext.Default.ListAlpacaPosition, notFoundIsNull: false, clientOrderId: null, cancellation).ConfigureAwait(false);
        return new AlpacaQueryResult<IReadOnlyList<AlpacaPosition>>(result.Outcome, result.Value ?? [], result.Error);
    }

    /// <inheritdoc />
    public async Task<AlpacaQueryResult<AlpacaAccount>> GetAccountAsync(CancellationToken cancellation)
    {
        var result = await ReadAsync("/v2/account", AlpacaJsonContext.Default.AlpacaAccount, notFoundIsNull: false, clientOrderId: null, cancellation).ConfigureAwait(false);
        return new AlpacaQueryResult<AlpacaAccount>(result.Outcome, result.Value ?? new AlpacaAccount(), result.Error);
    }

    /// <summary>Closes the connections and stops the rate limiter.</summary>
    public void Dispose()
    {
        _http.Dispose();
        _limiter.Dispose();
    }

    private static string ByClientOrderIdPath(string clientOrderId) =>
        "/v2/orders:by_client_order_id?client_order_id=" + Uri.EscapeDataString(clientOrderId);

    private AlpacaOrderResult Accepted(AlpacaOrderRequest request, AlpacaOrder order, bool afterUncertainSend)
    {
        if (!string.Equals(order.Symbol, request.Symbol, StringComparison.Ordinal) || !string.Equals(order.Side, request.Side, StringComparison.Ordinal))
        {
            // Our ids are unique, so this is not our order: never take it for ours.
            var error = new AlpacaError(422, AlpacaErrors.DuplicateClientOrderId, "client_order_id is held by another order at the venue", VenueRejectReason.InvalidOrder);
            return Refused(new AlpacaOrderResult(AlpacaOutcome.Refused, null, error), "POST", "/v2/orders", request.ClientOrderId, error);
        }
        _orderIds.Remember(request.ClientOrderId, order.Id);
        if (afterUncertainSend)
        {
            AlpacaRestLog.FoundAfterUncertainSend(_logger, request.ClientOrderId, order.Id, order.Status);
        }
        return new AlpacaOrderResult(AlpacaOutcome.Ok, order);
    }

    /// <summary>
    /// One GET by client_order_id after a POST that may have got through: the order when found;
    /// neither order nor failure on a 404 (the venue never got it); else the failure and its attempt.
    /// </summary>
    private async Task<(AlpacaOrder? Found, AlpacaAttempt Attempt, AlpacaError? Failure)> LookUpAsync(string clientOrderId, CancellationToken cancellation)
    {
        string path = ByClientOrderIdPath(clientOrderId);
        var lookup = await SendAsync(HttpMethod.Get, path, null, cancellation).ConfigureAwait(false);
        if (lookup.Succeeded)
        {
            return Deserialize(lookup, AlpacaJsonContext.Default.AlpacaOrder, "GET", path, clientOrderId) is { } found
                ? (found, lookup, null)
                : (null, lookup, new AlpacaError(lookup.Status, 0, "the lookup answer was not the expected JSON", VenueRejectReason.Other));
        }
        return lookup.Kind == AlpacaAttemptKind.Answered && lookup.Status == 404
            ? (null, lookup, null)
            : (null, lookup, ErrorOf(lookup, cancel: false));
    }

    /// <summary>After a cancel that may have gone through was answered 404 or 422: the order's state decides.</summary>
    private async Task<AlpacaCancelResult> CheckCanceledAsync(string clientOrderId, AlpacaError refusal, CancellationToken cancellation)
    {
        var lookup = await GetOrderByClientOrderIdAsync(clientOrderId, cancellation).ConfigureAwait(false);
        if (lookup.Outcome != AlpacaOutcome.Ok)
        {
            return new AlpacaCancelResult(AlpacaOutcome.Unknown, lookup.Error ?? refusal);
        }
        return lookup.Value?.Status is "canceled" or "pending_cancel"
            ? new AlpacaCancelResult(AlpacaOutcome.Ok)
            : new AlpacaCancelResult(AlpacaOutcome.Refused, refusal);
    }

    private TResult Refused<TResult>(TResult result, string method, string path, string? clientOrderId, AlpacaError error)
    {
        AlpacaRestLog.Refused(_logger, method, path, clientOrderId, error.HttpStatus, error.Code, error.Reason, error.Message);
        return result;
    }

    /// <summary>The outcome once the retries are used up: unknown when a try may have gone through, else refused with the last failure.</summary>
    private AlpacaOutcome GiveUp(string method, string path, string? clientOrderId, int tries, bool mayHaveApplied, AlpacaError last)
    {
        if (mayHaveApplied)
        {
            AlpacaRestLog.Unknown(_logger, method, path, clientOrderId, tries, last.Message);
            return AlpacaOutcome.Unknown;
        }
        AlpacaRestLog.Refused(_logger, method, path, clientOrderId, last.HttpStatus, last.Code, last.Reason, last.Message);
        return AlpacaOutcome.Refused;
    }
}
