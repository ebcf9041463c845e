namespace Nemo.Simulator;

/// <summary>The active faults of a simulator. Thread-safe; faults are evaluated in the order they were added and the first that fires wins.</summary>
public sealed class FaultSet
{
    private readonly Lock _lock = new();
    private readonly List<Fault> _faults = [];
    private readonly int _seed;
    private int _added;

    internal FaultSet(int seed) => _seed = seed;

    /// <summary>A snapshot of the faults.</summary>
    public IReadOnlyList<Fault> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _faults];
            }
        }
    }

    /// <summary>Adds a fault.</summary>
    /// <param name="fault">The fault.</param>
    /// <returns>The same fault, to read its counters later.</returns>
    public Fault Add(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_lock)
        {
            fault.Random = new Random(Seeds.Mix(_seed, ++_added, 0x0fa17));
            _faults.Add(fault);
        }

        return fault;
    }

    /// <summary>Removes a fault.</summary>
    /// <param name="fault">The fault.</param>
    /// <returns>Whether it was present.</returns>
    public bool Remove(Fault fault)
    {
        lock (_lock)
        {
            return _faults.Remove(fault);
        }
    }

    /// <summary>Removes every fault.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _faults.Clear();
        }
    }

    internal Fault? Next(SimulatorEndpoint endpoint)
    {
        lock (_lock)
        {
            Fault? chosen = null;
            foreach (var fault in _faults)
            {
                if (fault.Endpoint is { } only && only != endpoint)
                {
                    continue;
                }

                fault.CallsSeen++;
                if (chosen is not null || fault.CallsSeen <= fault.SkipCalls || fault.Firings >= fault.MaxFirings)
                {
                    continue;
                }

                if (fault.Probability < 1.0 && fault.Random!.NextDouble() >= fault.Probability)
                {
                    continue;
                }

                fault.Firings++;
                chosen = fault;
            }

            return chosen;
        }
    }
}
