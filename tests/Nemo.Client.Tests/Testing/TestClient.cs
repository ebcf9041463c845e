namespace Nemo.Client.Tests.Testing;

/// <summary>A <see cref="NemoClient"/> over a <see cref="RecordingHandler"/> and a <see cref="TimerRecordingTimeProvider"/>.</summary>
public sealed class TestClient
{
    public const string Token = "nmv_usr_configured_secret";
    public static readonly Uri BaseAddress = new("https://nemo.test/");

    public TestClient(Action<NemoClientOptions>? configure = null, INemoTokenSource? tokens = null)
    {
        Options = DefaultOptions();
        configure?.Invoke(Options);
        Handler = new RecordingHandler();
        Time = new TimerRecordingTimeProvider();
        Http = new HttpClient(Handler) { Timeout = Timeout.InfiniteTimeSpan };
        Tokens = tokens ?? new ConfiguredNemoTokenSource(Token);
        Client = new NemoClient(Http, Options, Tokens, Time);
    }

    public NemoClientOptions Options { get; }

    public RecordingHandler Handler { get; }

    public TimerRecordingTimeProvider Time { get; }

    public HttpClient Http { get; }

    public INemoTokenSource Tokens { get; }

    public NemoClient Client { get; }

    public static NemoClientOptions DefaultOptions() => new()
    {
        BaseAddress = BaseAddress,
        SkillVersion = "9.9.9",
        SkillPlatform = "github",
        // No timeout timers unless a test asks for them: keeps the fake clock's timer list to retries.
        RequestTimeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Awaits <paramref name="task"/>, advancing the clock through every delay it schedules.</summary>
    public Task<T> RunAsync<T>(Task<T> task, int maxAdvances = 50) => Drive(Time, task, maxAdvances);

    public static async Task<T> Drive<T>(TimerRecordingTimeProvider time, Task<T> task, int maxAdvances = 50)
    {
        for (var i = 0; i < maxAdvances && !task.IsCompleted; i++)
        {
            var timer = time.WaitForTimerAsync();
            // Safety net only (a hung test fails instead of hanging); no assertion depends on it.
            await Task.WhenAny(task, timer).WaitAsync(TimeSpan.FromSeconds(30));
            if (timer.IsCompletedSuccessfully && !task.IsCompleted)
            {
                time.Advance(timer.Result);
            }
        }

        return await task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
