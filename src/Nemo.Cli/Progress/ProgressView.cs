using System.Globalization;
using Nemo.Conversions;
using Spectre.Console;

namespace Nemo.Cli.Progress;

/// <summary>
/// Shows a conversion's progress: a Spectre.Console live status line (stage, render %, elapsed) on a terminal, plain
/// timestamped lines otherwise (CI, tests, pipes), one per change.
/// </summary>
internal sealed class ProgressView(TextWriter output, bool interactive, TimeProvider time)
{
    /// <summary>Whether standard output is a terminal that can show live output.</summary>
    public static bool ConsoleIsInteractive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Shows <paramref name="updates"/> until the stream ends or is cancelled.</summary>
    public async Task ShowAsync(string label, IAsyncEnumerable<ConversionInstance> updates, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        if (!interactive)
        {
            string? last = null;
            await foreach (var instance in updates.WithCancellation(cancellationToken))
            {
                var text = ProgressText.Describe(instance);
                if (text != last)
                {
                    last = text;
                    var now = time.GetUtcNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
                    await output.WriteLineAsync($"{now} {label} {text} ({ProgressText.Elapsed(time.GetElapsedTime(started))})");
                }
            }

            return;
        }

        await AnsiConsole.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(label), async context =>
        {
            var text = "starting";
            using var ticker = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
            await using var enumerator = updates.GetAsyncEnumerator(cancellationToken);
            var next = enumerator.MoveNextAsync().AsTask();
            Task<bool>? tick = null;
            while (true)
            {
                context.Status($"[bold]{Markup.Escape(label)}[/] {Markup.Escape(text)} [grey]{ProgressText.Elapsed(time.GetElapsedTime(started))}[/]");
                // PeriodicTimer allows one pending wait: renew it only once it has ticked.
                tick = tick is null || tick.IsCompleted ? ticker.WaitForNextTickAsync(cancellationToken).AsTask() : tick;
                if (await Task.WhenAny(next, tick) == next)
                {
                    if (!await next)
                    {
                        break;
                    }

                    text = ProgressText.Describe(enumerator.Current);
                    next = enumerator.MoveNextAsync().AsTask();
                }
            }
        });
    }
}
