using Nemo.Simulator;

namespace Nemo.Benchmarks.Engine;

/// <summary>What one conversion cost on one side: time, Nemo calls and the history persisted for its instance.</summary>
/// <param name="Side">Where it ran.</param>
/// <param name="Render">The render length asked of the simulator.</param>
/// <param name="Succeeded">Whether the conversion's result says succeeded.</param>
/// <param name="EndToEnd">From the trigger to the runtime's record of the instance's completion.</param>
/// <param name="RenderTime">From the render's start to its end in the simulator.</param>
/// <param name="StatusChecks">Render status calls the simulator answered (the checks while waiting, and the save's own).</param>
/// <param name="History">The type name of every persisted history event, in order.</param>
internal sealed record ConversionFigures(
    string Side,
    RenderLength Render,
    bool Succeeded,
    TimeSpan EndToEnd,
    TimeSpan? RenderTime,
    int StatusChecks,
    IReadOnlyList<string> History)
{
    /// <summary>Activities the orchestration scheduled: one <c>TaskScheduled</c> event each, retries included.</summary>
    public int ActivityExecutions => History.Count(type => type == "TaskScheduled");

    public static ConversionFigures From(string side, RenderLength render, bool succeeded, TimeSpan endToEnd, NemoSimulator simulator, IEnumerable<string> history)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        return new ConversionFigures(
            side,
            render,
            succeeded,
            endToEnd,
            simulator.Renders is [.., { FinalAt: { } final } last] ? final - last.StartedAt : null,
            simulator.Journal.Count(SimulatorEndpoint.RenderStatus),
            [.. history]);
    }
}
