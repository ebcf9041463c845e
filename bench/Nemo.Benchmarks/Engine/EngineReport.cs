using System.Globalization;

namespace Nemo.Benchmarks.Engine;

/// <summary>The engine benchmark's Markdown tables: one row per conversion, then the history broken down by event type.</summary>
internal static class EngineReport
{
    public static void Print(IReadOnlyList<ConversionFigures> figures)
    {
        Console.WriteLine();
        Console.WriteLine("| side | render | render time | render status calls | end-to-end | activity executions | history events |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var f in figures)
        {
            var renderTime = f.RenderTime is { } time ? string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0} s") : "–";
            var failed = f.Succeeded ? string.Empty : " (failed)";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {f.Side}{failed} | {f.Render.Label} | {renderTime} | {f.StatusChecks} | {f.EndToEnd.TotalSeconds:0.0} s | {f.ActivityExecutions} | {f.History.Count} |"));
        }

        // Event types in the order they first appear, engine types and journal types side by side.
        var types = figures.SelectMany(f => f.History).Distinct(StringComparer.Ordinal).ToList();
        Console.WriteLine();
        Console.WriteLine("| history event | " + string.Join(" | ", figures.Select(f => $"{f.Side}, {f.Render.Label}")) + " |");
        Console.WriteLine("|---|" + string.Concat(figures.Select(_ => "---:|")));
        foreach (var type in types)
        {
            Console.WriteLine($"| {type} | " + string.Join(" | ", figures.Select(f => Count(f, type))) + " |");
        }

        Console.WriteLine("| **total** | " + string.Join(" | ", figures.Select(f => $"**{f.History.Count}**")) + " |");
    }

    private static string Count(ConversionFigures figures, string type)
    {
        var count = figures.History.Count(t => t == type);
        return count == 0 ? "–" : count.ToString(CultureInfo.InvariantCulture);
    }
}
