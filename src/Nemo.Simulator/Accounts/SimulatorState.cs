namespace Nemo.Simulator;

/// <summary>All server state: users, tokens, sessions, renders. One lock; every operation is short.</summary>
internal sealed partial class SimulatorState : IDisposable
{
    private readonly Lock _lock = new();
    private readonly SimulatorOptions _options;
    private readonly TimeProvider _clock;
    private readonly Random _random;
    private readonly Dictionary<string, UserAccount> _usersByClient = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TokenRecord> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SessionRecord> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RenderRecord> _renders = new(StringComparer.Ordinal);
    private int _sessionOrdinal;

    public SimulatorState(SimulatorOptions options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        _random = new Random(Seeds.Mix(options.Seed, 0x5eed));
    }

    public DateTimeOffset Now => _clock.GetUtcNow();

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var render in _renders.Values)
            {
                render.Dispose();
            }
        }
    }

    private string RandomHex(int length)
    {
        Span<byte> bytes = stackalloc byte[(length + 1) / 2];
        _random.NextBytes(bytes);
        return Convert.ToHexStringLower(bytes)[..length];
    }
}
