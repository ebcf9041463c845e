using System.Diagnostics;

namespace Nemo.Benchmarks.Infrastructure;

/// <summary>
/// Reads this process's resident memory. On Linux the peak (VmHWM) can be reset through
/// /proc/self/clear_refs, so a benchmark measures the peak of exactly the work it runs.
/// </summary>
internal static class ProcessMemory
{
    private const string StatusPath = "/proc/self/status";
    private const string ClearRefsPath = "/proc/self/clear_refs";

    public static bool CanResetPeak => File.Exists(ClearRefsPath);

    /// <summary>Resets the kernel's peak-RSS counter to the current RSS (Linux only).</summary>
    public static void ResetPeak()
    {
        if (CanResetPeak)
        {
            File.WriteAllText(ClearRefsPath, "5");
        }
    }

    public static long CurrentResidentBytes() => ReadStatusKilobytes("VmRSS:") ?? Process.GetCurrentProcess().WorkingSet64;

    public static long PeakResidentBytes() => ReadStatusKilobytes("VmHWM:") ?? Process.GetCurrentProcess().PeakWorkingSet64;

    /// <summary>Collects garbage fully so a baseline is not inflated by earlier work.</summary>
    public static void Settle()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private static long? ReadStatusKilobytes(string key)
    {
        if (!File.Exists(StatusPath))
        {
            return null;
        }

        foreach (var line in File.ReadLines(StatusPath))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                var digits = line[key.Length..].Trim().Split(' ')[0];
                return long.Parse(digits) * 1024;
            }
        }

        return null;
    }
}
