using System.ComponentModel.DataAnnotations;

namespace Nemo.Client;

/// <summary>
/// Settings for <see cref="NemoClient"/>. Plain values with documented defaults; validated at
/// startup with data annotations plus cross-field rules.
/// </summary>
public sealed class NemoClientOptions
{
    /// <summary>The default Nemo API address, <c>https://mega-api-prod.nemovideo.ai</c>.</summary>
    public static readonly Uri DefaultBaseAddress = new("https://mega-api-prod.nemovideo.ai");

    /// <summary>The Nemo API address. Default <see cref="DefaultBaseAddress"/>.</summary>
    [Required]
    public Uri BaseAddress { get; set; } = DefaultBaseAddress;

    /// <summary>
    /// The profile name (one of <see cref="NemoProfiles.All"/>) whose <c>X-Skill-Source</c> is sent.
    /// Default <c>best</c>. <see cref="NemoClient.WithProfile"/> switches per call site.
    /// </summary>
    [Required]
    public string Profile { get; set; } = NemoProfiles.Default.Name;

    /// <summary>The <c>X-Skill-Version</c> header value. Default <c>1.0.0</c>.</summary>
    [Required]
    [MaxLength(32)]
    public string SkillVersion { get; set; } = "1.0.0";

    /// <summary>
    /// The <c>X-Skill-Platform</c> header value: <c>clawhub</c>, <c>cursor</c>, <c>github</c> or
    /// <c>unknown</c> (the default).
    /// </summary>
    [Required]
    [AllowedValues("clawhub", "cursor", "github", "unknown")]
    public string SkillPlatform { get; set; } = "unknown";

    /// <summary>
    /// A configured access token (typically bound from <c>NEMO_TOKEN</c>). When set it is used as is
    /// and never refreshed; when empty an anonymous token is acquired once and persisted.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>
    /// A stable client id (≤ 64 characters) sent as <c>X-Client-Id</c> when acquiring the anonymous
    /// token. When empty, one is generated once and persisted with the token.
    /// </summary>
    [MaxLength(64)]
    public string? ClientId { get; set; }

    /// <summary>
    /// Where the anonymous token is persisted. Default: <c>nemo/anonymous-token.json</c> under the
    /// user's local application data folder (see <see cref="FileNemoTokenStore.DefaultPath"/>).
    /// </summary>
    public string? TokenStorePath { get; set; }

    /// <summary>Timeouts for the chat stream (<c>POST /run_sse</c>).</summary>
    [Required]
    public ChatStreamOptions ChatStream { get; set; } = new();

    /// <summary>
    /// Retries after a transient failure (network, timeout, 5xx) on idempotent calls. Default 3.
    /// A prompt is never retried.
    /// </summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>The median first delay of the jittered exponential backoff. Default 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay between transient retries. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The shortest wait after an HTTP 429, whatever <c>Retry-After</c> says. Default 30 seconds
    /// (the documented rule).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RateLimitMinimumDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest wait after an HTTP 429 the client sits out itself; a longer <c>Retry-After</c> is
    /// surfaced to the caller (with <see cref="NemoApiException.RetryAfter"/>). Default 5 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRateLimitDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many times a call is retried after HTTP 429. Default 2.</summary>
    [Range(0, 10)]
    public int MaxRateLimitRetries { get; set; } = 2;

    /// <summary>
    /// The time allowed for one attempt of a JSON call, and for the response headers of a download.
    /// Default 100 seconds; <see cref="Timeout.InfiniteTimeSpan"/> disables it. The chat stream uses
    /// <see cref="ChatStreamOptions.KeepAliveTimeout"/> for its headers instead.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
