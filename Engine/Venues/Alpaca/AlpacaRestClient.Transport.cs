using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Engine.Orders;

namespace Engine.Venues.Alpaca;

/// <summary>One HTTP exchange, the retry loop of reads, and the mapping of failures to errors.</summary>
public sealed partial class AlpacaRestClient
{
    private static readonly MediaTypeHeaderValue s_json = new("application/json");

    /// <summary>
    /// One exchange: waits for a rate-limit token, checks the URL policy again, sends with the
    /// credentials' headers and reads the whole answer within the request timeout.
    /// </summary>
    private async Task<AlpacaAttempt> SendAsync(HttpMethod method, string path, byte[]? body, CancellationToken cancellation)
    {
        using var lease = await _limiter.AcquireAsync(1, cancellation).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            return AlpacaAttempt.Failed(AlpacaAttemptKind.RateLimitedLocally, $"more than {MaxQueuedRequests} requests waiting for the rate limit");
        }
        var uri = new Uri(_baseUrl + path, UriKind.Absolute);
        if (!AlpacaUrlPolicy.MaySend(_mode, uri))
        {
            AlpacaRestLog.RefusedByPolicy(_logger, method.Method, uri.Scheme, uri.Host, _mode);
            return AlpacaAttempt.Failed(AlpacaAttemptKind.RefusedByPolicy, $"{_mode} mode may not send to {uri.Scheme}://{uri.Host}");
        }
        using var request = new HttpRequestMessage(method, uri);
        _credentials.AddHeaders(request.Headers, KeyIdHeader, SecretKeyHeader);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = s_json;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(_requestTimeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            byte[] answer = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            var retryAfter = AlpacaRetryPolicy.RetryAfterOf(response.Headers.RetryAfter, _clock.GetUtcNow());
            return new AlpacaAttempt(AlpacaAttemptKind.Answered, (int)response.StatusCode, answer, retryAfter, "");
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return AlpacaAttempt.Failed(AlpacaAttemptKind.TimedOut, $"no answer within {(long)_requestTimeout.TotalMilliseconds} ms");
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError is HttpRequestError.ConnectionError
            or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError)
        {
            return AlpacaAttempt.Failed(AlpacaAttemptKind.NotSent, $"could not connect ({exception.HttpRequestError})");
        }
        catch (HttpRequestException exception)
        {
            string why = exception.HttpRequestError == HttpRequestError.Unknown && exception.InnerException is { } inner
                ? inner.GetType().Name
                : exception.HttpRequestError.ToString();
            return AlpacaAttempt.Failed(AlpacaAttemptKind.ConnectionLost, $"the connection failed before the answer ({why})");
        }
    }

    /// <summary>A GET, retried on 429, 5xx and network failures; a 404 is a null value when <paramref name="notFoundIsNull"/>. <paramref name="clientOrderId"/> names the order it is about in the log, or is null.</summary>
    private async Task<AlpacaQueryResult<T?>> ReadAsync<T>(string path, JsonTypeInfo<T> type, bool notFoundIsNull, string? clientOrderId, CancellationToken cancellation)
        where T : class
    {
        AlpacaError? last = null;
        TimeSpan? retryAfter = null;
        for (int tries = 0; ; tries++)
        {
            if (tries > 0 && !await WaitBeforeRetryAsync("GET", path, clientOrderId, tries - 1, retryAfter, last!, cancellation).ConfigureAwait(false))
            {
                AlpacaRestLog.Unknown(_logger, "GET", path, clientOrderId, tries, last!.Message);
                return new AlpacaQueryResult<T?>(AlpacaOutcome.Unknown, null, last);
            }
            var attempt = await SendAsync(HttpMethod.Get, path, null, cancellation).ConfigureAwait(false);
            if (attempt.Succeeded)
            {
                var value = Deserialize(attempt, type, "GET", path, clientOrderId);
                return value is not null
                    ? new AlpacaQueryResult<T?>(AlpacaOutcome.Ok, value)
                    : new AlpacaQueryResult<T?>(AlpacaOutcome.Unknown, null, new AlpacaError(attempt.Status, 0, "the answer was not the expected JSON", VenueRejectReason.Other));
            }
            if (notFoundIsNull && attempt.Kind == AlpacaAttemptKind.Answered && attempt.Status == 404)
            {
                return new AlpacaQueryResult<T?>(AlpacaOutcome.Ok, null);
            }
            last = ErrorOf(attempt, cancel: false);
            retryAfter = attempt.RetryAfter;
            if (!attempt.Retryable)
            {
                AlpacaRestLog.Refused(_logger, "GET", path, clientOrderId, last.HttpStatus, last.Code, last.Reason, last.Message);
                return new AlpacaQueryResult<T?>(AlpacaOutcome.Refused, null, last);
            }
        }
    }

    /// <summary>Waits before retry <paramref name="retry"/> (0-based); false when the retries are used up or the server asks for too long a wait.</summary>
    private async Task<bool> WaitBeforeRetryAsync(string method, string path, string? clientOrderId, int retry, TimeSpan? retryAfter, AlpacaError last, CancellationToken cancellation)
    {
        if (!_retries.TryGetDelay(retry, retryAfter, out var delay))
        {
            return false;
        }
        AlpacaRestLog.Retrying(_logger, method, path, clientOrderId, last.Message, retry + 1, _retries.MaxRetries, (long)delay.TotalMilliseconds);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _clock, cancellation).ConfigureAwait(false);
        }
        return true;
    }

    private T? Deserialize<T>(in AlpacaAttempt attempt, JsonTypeInfo<T> type, string method, string path, string? clientOrderId)
        where T : class
    {
        try
        {
            if (JsonSerializer.Deserialize(attempt.Body, type) is { } value)
            {
                return value;
            }
        }
        catch (JsonException)
        {
            // Logged below; the caller decides what an unreadable success means.
        }
        AlpacaRestLog.MalformedAnswer(_logger, method, path, clientOrderId, attempt.Status);
        return null;
    }

    /// <summary>The error of a failed exchange: Alpaca's body mapped to a reason, or what kept the answer from coming.</summary>
    private AlpacaError ErrorOf(in AlpacaAttempt attempt, bool cancel) => attempt.Kind switch
    {
        AlpacaAttemptKind.Answered => AlpacaErrors.Read(attempt.Status, attempt.Body, cancel, _credentials.Redact),
        AlpacaAttemptKind.RateLimitedLocally => new AlpacaError(0, 0, attempt.Detail, VenueRejectReason.RateLimited),
        AlpacaAttemptKind.RefusedByPolicy => new AlpacaError(0, 0, attempt.Detail, VenueRejectReason.Other),
        _ => new AlpacaError(0, 0, attempt.Detail, VenueRejectReason.VenueUnavailable),
    };
}
