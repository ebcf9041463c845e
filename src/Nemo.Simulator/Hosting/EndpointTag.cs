namespace Nemo.Simulator;

/// <summary>Endpoint metadata naming which Nemo endpoint a route is.</summary>
internal sealed record EndpointTag(SimulatorEndpoint Endpoint)
{
    public static SimulatorEndpoint Of(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EndpointTag>()?.Endpoint ?? SimulatorEndpoint.Unknown;
}
