using Nemo.Simulator;

namespace Nemo.Testing;

/// <summary>Simulator options for end-to-end tests: seeded, 100× time, short delays, no ffmpeg, no text-less replies.</summary>
internal static class FastSimulatorOptions
{
    public static SimulatorOptions Create(string storageDirectory) => new()
    {
        Seed = 20250601,
        TimeScale = 0.01,
        NoTextProbability = 0,
        UseFfmpeg = false,
        StorageDirectory = storageDirectory,
        TextDelayMin = TimeSpan.FromSeconds(1),
        TextDelayMax = TimeSpan.FromSeconds(2),
        GenerationDelayMin = TimeSpan.FromSeconds(10),
        GenerationDelayMax = TimeSpan.FromSeconds(20),
        EditDelayMin = TimeSpan.FromSeconds(5),
        EditDelayMax = TimeSpan.FromSeconds(10),
        KeepAliveInterval = TimeSpan.FromSeconds(1),
        RenderDurationMin = TimeSpan.FromSeconds(10),
        RenderDurationMax = TimeSpan.FromSeconds(20),
    };
}
