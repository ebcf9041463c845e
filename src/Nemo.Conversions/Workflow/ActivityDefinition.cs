namespace Nemo.Conversions;

/// <summary>
/// An activity a host must register: its name, its input type (for deserialising from history) and how to run it with
/// services from the host's container.
/// </summary>
/// <param name="Name">The activity name (<see cref="ConversionActivityNames"/>).</param>
/// <param name="InputType">The input's type, or null when it takes none.</param>
/// <param name="InvokeAsync">Runs it: services, input, cancellation → output.</param>
public sealed record ActivityDefinition(
    string Name,
    Type? InputType,
    Func<IServiceProvider, object?, CancellationToken, Task<object?>> InvokeAsync);
