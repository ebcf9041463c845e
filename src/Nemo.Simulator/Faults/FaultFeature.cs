namespace Nemo.Simulator;

/// <summary>The fault chosen for the current request, for handlers that act on it themselves.</summary>
internal sealed class FaultFeature(Fault fault)
{
    public Fault Fault { get; } = fault;

    public static Fault? Of(HttpContext context) => context.Features.Get<FaultFeature>()?.Fault;

    public static Fault? Of(HttpContext context, FaultKind kind) => Of(context) is { } fault && fault.Kind == kind ? fault : null;

    public static ErrorStyle? StyleOf(HttpContext context) => Of(context)?.Style;
}
