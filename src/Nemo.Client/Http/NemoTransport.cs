using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;

namespace Nemo.Client;

/// <summary>
/// The single place requests are built and sent: attribution headers, bearer token, timeouts through
/// <see cref="TimeProvider"/>, mapping of transport failures, the resilience pipelines and the
/// one-time token repair after 1001. Shared by a client and every <see cref="NemoClient.WithProfile"/> view.
/// </summary>
internal sealed class NemoTransport
{
    public const string SkillSourceHeader = "X-Skill-Source";
    public const string SkillVersionHeader = "X-Skill-Version";
    public const string SkillPlatformHeader = "X-Skill-Platform";
    public const string ClientIdHeader = "X-Client-Id";

    private readonly INemoTokenSource? _tokens;

    public NemoTransport(HttpClient http, NemoClientOptions options, INemoTokenSource? tokens, TimeProvider timeProvider, ILogger logger)
    {
        Http = http;
        Options = options;
        _tokens = tokens;
        Time = timeProvider;
        Logger = logger;
        Idempotent = NemoResilience.Create(options, timeProvider, logger, retryRateLimits: true);
        WithoutRateLimitRetry = NemoResilience.Create(options, timeProvider, logger, retryRateLimits: false);
    }

    public HttpClient Http { get; }

    public NemoClientOptions Options { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    /// <summary>Retries transient failures and 429s.</summary>
    public ResiliencePipeline Idempotent { get; }

    /// <summary>Retries transient failures but surfaces 429 at once (the anonymous-token call).</summary>
    public ResiliencePipeline WithoutRateLimitRetry { get; }

    public Uri Api(string relativePath) => new(Options.BaseAddress, relativePath);

    /// <summary>
    /// One HTTP exchange. Transport failures and timeouts become transient
    /// <see cref="NemoApiException"/>s; the caller's own cancellation stays an <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SendOnceAsync(
        NemoRequest request,
        NemoProfile profile,
        HttpCompletionOption completion,
        TimeSpan timeout,
        CallState state,
        CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, request.Uri);
        message.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(request.Accept));
        if (request.Attribution)
        {
            message.Headers.TryAddWithoutValidation(SkillSourceHeader, profile.SkillSource);
            message.Headers.TryAddWithoutValidation(SkillVersionHeader, Options.SkillVersion);
            message.Headers.TryAddWithoutValidation(SkillPlatformHeader, Options.SkillPlatform);
        }

        if (request.ClientId is not null)
        {
            message.Headers.TryAddWithoutValidation(ClientIdHeader, request.ClientId);
        }

        if (request.Authenticated)
        {
            if (_tokens is null)
            {
                throw new InvalidOperationException("This transport has no token source.");
            }

            var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            state.Token = token;
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        }

        message.Content = request.Content?.Invoke();

        using var timeoutSource = timeout == Timeout.InfiniteTimeSpan ? null : new CancellationTokenSource(timeout, Time);
        using var linked = timeoutSource is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var started = Time.GetTimestamp();
        Log.Sending(Logger, request.Operation);
        try
        {
            var response = await Http.SendAsync(message, completion, linked?.Token ?? cancellationToken).ConfigureAwait(false);
            Log.Received(Logger, request.Operation, (int)response.StatusCode, ElapsedMs(started));
            return response;
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Our timeout or HttpClient.Timeout, not the caller's cancellation.
            Log.TimedOut(Logger, request.Operation, ElapsedMs(started));
            throw new NemoApiException($"The call to Nemo timed out ({request.Operation}).", NemoErrorKind.Transient, innerException: ex)
            {
                Operation = request.Operation,
            };
        }
        catch (HttpRequestException ex)
        {
            Log.NetworkFailure(Logger, request.Operation, ex.HttpRequestError);
            throw new NemoApiException($"Could not reach Nemo ({request.Operation}): network failure.", NemoErrorKind.Transient, ex.StatusCode, innerException: ex)
            {
                Operation = request.Operation,
            };
        }
    }

    /// <summary>
    /// A JSON call: sent through <paramref name="pipeline"/> (or once when <see langword="null"/>),
    /// envelope checked, <c>data</c> (or the render root) returned; token repaired once after 1001.
    /// </summary>
    public Task<JsonElement> SendJsonAsync(
        NemoRequest request,
        NemoProfile profile,
        ResiliencePipeline? pipeline,
        NemoEnvelope envelope,
        CancellationToken cancellationToken) =>
        WithTokenRepairAsync(
            request.Operation,
            state => ExecuteAsync(
                request.Operation,
                pipeline,
                token => SendAndReadJsonAsync(request, profile, envelope, state, token),
                cancellationToken),
            cancellationToken);

    /// <summary>
    /// One JSON exchange under <see cref="NemoClientOptions.RequestTimeout"/>, headers and body alike; the
    /// body is read through <see cref="NemoResponseReader"/>'s size limit instead of being buffered by
    /// <see cref="HttpClient"/> whatever its size.
    /// </summary>
    private async Task<JsonElement> SendAndReadJsonAsync(
        NemoRequest request,
        NemoProfile profile,
        NemoEnvelope envelope,
        CallState state,
        CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(Options.RequestTimeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = Time.GetTimestamp();
        try
        {
            using var response = await SendOnceAsync(request, profile, HttpCompletionOption.ResponseHeadersRead, Timeout.InfiniteTimeSpan, state, linked.Token).ConfigureAwait(false);
            return await NemoResponseReader.ReadAsync(response, envelope, ErrorContext(request, profile, state), Time, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            Log.TimedOut(Logger, request.Operation, ElapsedMs(started));
            throw new NemoApiException($"The call to Nemo timed out ({request.Operation}).", NemoErrorKind.Transient, innerException: ex)
            {
                Operation = request.Operation,
            };
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException)
        {
            // The body broke off after the headers arrived.
            Log.NetworkFailure(Logger, request.Operation, (ex as HttpRequestException)?.HttpRequestError ?? HttpRequestError.ResponseEnded);
            throw new NemoApiException($"Could not reach Nemo ({request.Operation}): network failure.", NemoErrorKind.Transient, innerException: ex)
            {
                Operation = request.Operation,
            };
        }
    }

    /// <summary>Runs <paramref name="attempt"/> through <paramref name="pipeline"/>, or once.</summary>
    public static async Task<T> ExecuteAsync<T>(
        string operation,
        ResiliencePipeline? pipeline,
        Func<CancellationToken, Task<T>> attempt,
        CancellationToken cancellationToken)
    {
        if (pipeline is null)
        {
            return await attempt(cancellationToken).ConfigureAwait(false);
        }

        var context = ResilienceContextPool.Shared.Get(operation, cancellationToken);
        try
        {
            return await pipeline.ExecuteAsync(
                static async (ctx, work) => await work(ctx.CancellationToken).ConfigureAwait(false),
                context,
                attempt).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>
    /// Runs a call; when Nemo rejects the token (1001/401) and the source can refresh, replaces the
    /// token and runs the call once more. A configured token that is rejected fails clearly.
    /// </summary>
    public async Task<T> WithTokenRepairAsync<T>(string operation, Func<CallState, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var state = new CallState();
            try
            {
                return await call(state).ConfigureAwait(false);
            }
            catch (NemoApiException ex) when (LogFailure(operation, ex) && NemoErrors.IsTokenRejection(ex))
            {
                await ReportRejectedTokenAsync(operation, ex, state, cancellationToken).ConfigureAwait(false);
                if (attempt > 0)
                {
                    throw;
                }
            }
        }
    }

    /// <summary>Invalidates a rejected anonymous token; turns a rejected configured token into a terminal error.</summary>
    public async Task ReportRejectedTokenAsync(string operation, NemoApiException rejection, CallState state, CancellationToken cancellationToken)
    {
        if (_tokens is null || !_tokens.CanRefresh)
        {
            Log.ConfiguredTokenRejected(Logger, operation);
            throw new NemoApiException(
                "The configured Nemo token (NEMO_TOKEN) was rejected as invalid or expired. Replace it, or remove it to use an anonymous token.",
                NemoErrorKind.Terminal,
                rejection.StatusCode,
                rejection.NemoCode,
                rejection)
            {
                Operation = operation,
            };
        }

        Log.TokenRejected(Logger, operation);
        if (state.Token is not null)
        {
            await _tokens.InvalidateAsync(state.Token, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Logs every failed call (classification only, no message text); always true.</summary>
    private bool LogFailure(string operation, NemoApiException exception)
    {
        Log.CallFailed(Logger, operation, exception.Kind, (int?)exception.StatusCode, exception.NemoCode);
        return true;
    }

    public static NemoErrorContext ErrorContext(NemoRequest request, NemoProfile profile, CallState state) =>
        new(request.Operation, profile, state.Token, request.IsAnonymousTokenCall);

    private long ElapsedMs(long started) => (long)Time.GetElapsedTime(started).TotalMilliseconds;
}
