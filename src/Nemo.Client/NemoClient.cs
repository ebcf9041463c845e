using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Nemo.Client;

/// <summary>
/// A typed client for the Nemo video API: anonymous token, sessions, uploads, chat (SSE), credits,
/// state, renders and downloads. Every request carries the attribution headers of the client's
/// <see cref="Profile"/>; idempotent calls are retried on transient failures and rate limits,
/// a prompt never is.
/// </summary>
/// <remarks>
/// Timeouts are applied by the client (<see cref="NemoClientOptions.RequestTimeout"/>, measured with
/// the given <see cref="TimeProvider"/>); give it an <see cref="HttpClient"/> whose own
/// <see cref="HttpClient.Timeout"/> is infinite or longer. The client is thread-safe.
/// </remarks>
public sealed partial class NemoClient
{
    /// <summary>The name of the <see cref="HttpClient"/> registered by <c>AddNemoClient</c>.</summary>
    public const string HttpClientName = "Nemo.Client";

    private readonly NemoTransport _transport;
    private readonly RenderIdGenerator _renderIds;

    /// <summary>Creates a client.</summary>
    /// <param name="httpClient">Sends the requests. Its base address is not used; <see cref="NemoClientOptions.BaseAddress"/> is.</param>
    /// <param name="options">Validated settings.</param>
    /// <param name="tokenSource">Supplies the bearer token.</param>
    /// <param name="timeProvider">The clock for timeouts, retries, render ids and polling; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="logger">Diagnostics (never bodies or tokens).</param>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException"><paramref name="options"/> are invalid.</exception>
    public NemoClient(
        HttpClient httpClient,
        NemoClientOptions options,
        INemoTokenSource tokenSource,
        TimeProvider? timeProvider = null,
        ILogger<NemoClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tokenSource);
        NemoClientOptionsValidator.ThrowIfInvalid(options);
        var time = timeProvider ?? TimeProvider.System;
        _transport = new NemoTransport(httpClient, options, tokenSource, time, (ILogger?)logger ?? NullLogger.Instance);
        _renderIds = new RenderIdGenerator(time);
        Profile = NemoProfiles.Get(options.Profile);
        TokenSource = tokenSource;
    }

    private NemoClient(NemoClient shared, NemoProfile profile)
    {
        _transport = shared._transport;
        _renderIds = shared._renderIds;
        TokenSource = shared.TokenSource;
        Profile = profile;
    }

    /// <summary>The profile whose <c>X-Skill-Source</c> this client sends (and whose limits its errors quote).</summary>
    public NemoProfile Profile { get; }

    /// <summary>The token source the client authenticates with.</summary>
    public INemoTokenSource TokenSource { get; }

    /// <summary>
    /// A client that shares this one's connection, token, options and pipelines but sends
    /// <paramref name="profile"/>'s <c>X-Skill-Source</c>.
    /// </summary>
    /// <param name="profile">One of <see cref="NemoProfiles.All"/>.</param>
    /// <returns>A client for that profile.</returns>
    public NemoClient WithProfile(NemoProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile == Profile ? this : new NemoClient(this, profile);
    }

    private NemoRequest Request(HttpMethod method, string operation, string path, Func<HttpContent>? content = null) =>
        new()
        {
            Operation = operation,
            Method = method,
            Uri = _transport.Api(path),
            Content = content,
        };

    private static string Segment(string value) => Uri.EscapeDataString(value);
}
