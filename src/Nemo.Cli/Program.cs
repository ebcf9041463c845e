using Nemo.Cli.Commands;
using Nemo.Cli.Hosting;

using var signals = new ProcessSignals(Console.Error);
return await NemoCommand.RunAsync(args, terminated: signals.Terminated, cancellationToken: signals.Interrupted);
