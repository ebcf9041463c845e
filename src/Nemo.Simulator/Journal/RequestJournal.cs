namespace Nemo.Simulator;

/// <summary>Every request the simulator received, in order. Thread-safe. An entry is added as the request arrives, so it is visible before the client sees the response.</summary>
public sealed class RequestJournal
{
    private readonly Lock _lock = new();
    private readonly List<JournalEntry> _entries = [];
    private long _sequence;

    internal RequestJournal()
    {
    }

    /// <summary>A snapshot of the entries.</summary>
    public IReadOnlyList<JournalEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Requests received on one endpoint.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <returns>The count.</returns>
    public int Count(SimulatorEndpoint endpoint)
    {
        lock (_lock)
        {
            return _entries.Count(e => e.Endpoint == endpoint);
        }
    }

    /// <summary>Prompts (<c>/run_sse</c> requests) per session id, whatever their outcome.</summary>
    /// <returns>Session id → count.</returns>
    public IReadOnlyDictionary<string, int> PromptsPerSession() => PerSession(SimulatorEndpoint.RunSse);

    /// <summary>Render starts per session id, whatever their outcome.</summary>
    /// <returns>Session id → count.</returns>
    public IReadOnlyDictionary<string, int> RendersPerSession() => PerSession(SimulatorEndpoint.RenderStart);

    /// <summary>Forgets every entry.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
        }
    }

    internal long NextSequence() => Interlocked.Increment(ref _sequence);

    internal void Add(JournalEntry entry)
    {
        lock (_lock)
        {
            _entries.Add(entry);
        }
    }

    private Dictionary<string, int> PerSession(SimulatorEndpoint endpoint)
    {
        lock (_lock)
        {
            return _entries
                .Where(e => e.Endpoint == endpoint && e.SessionId is not null)
                .GroupBy(e => e.SessionId!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        }
    }
}
