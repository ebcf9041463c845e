using Nemo.Cli.Commands;

using var cancellation = new CancellationTokenSource();
var cancelled = 0;
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C cancels the conversion (its result is written); a second one ends the process at once.
    if (Interlocked.Increment(ref cancelled) == 1)
    {
        e.Cancel = true;
        cancellation.Cancel();
    }
};

return await NemoCommand.RunAsync(args, cancellationToken: cancellation.Token);
