using Azure.Core.Serialization;
using Microsoft.DurableTask;

namespace Nemo.Functions.Tests.Engine;

/// <summary>
/// The app's <see cref="Microsoft.Azure.Functions.Worker.WorkerOptions.Serializer"/> as Durable's
/// <see cref="DataConverter"/>, as the Durable extension's startup does in the Functions worker (it wraps the worker's
/// <see cref="ObjectSerializer"/> for orchestration and activity payloads), so payloads cross the engine in the
/// app's JSON shape.
/// </summary>
internal sealed class ObjectSerializerDataConverter(ObjectSerializer serializer) : DataConverter
{
    public override string? Serialize(object? value) =>
        value is null ? null : serializer.Serialize(value, value.GetType(), default).ToString();

    public override object? Deserialize(string? data, Type targetType)
    {
        ArgumentNullException.ThrowIfNull(targetType);
        if (data is null)
        {
            return null;
        }

        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(data), writable: false);
        return serializer.Deserialize(stream, targetType, default);
    }
}
