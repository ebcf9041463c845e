namespace Nemo.Testing;

internal static class Polling
{
    /// <summary>Waits until <paramref name="condition"/> holds (observing a system under test, not timing it).</summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (!condition())
        {
            await Task.Delay(20, deadline.Token);
        }
    }
}
