using System.Reflection;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Nemo.Functions.Tests.Engine;

/// <summary>
/// One of the app's <c>[ActivityTrigger]</c> functions as a Durable activity, invoked the way the Functions worker
/// invokes it: the engine deserializes the input to the trigger parameter's declared type; the function's class is
/// created with <see cref="ActivatorUtilities"/> from the invocation's own DI scope (the worker makes a scope per work
/// item); a <see cref="CancellationToken"/> parameter gets the host's shutdown token.
/// </summary>
internal sealed class FunctionActivity : ITaskActivity
{
    private readonly MethodInfo _method;
    private readonly IServiceProvider _services;

    public FunctionActivity(MethodInfo method, Type inputType, IServiceProvider services)
    {
        _method = method;
        _services = services;
        InputType = inputType;
    }

    public Type InputType { get; }

    public Type OutputType => typeof(object);

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        var instance = _method.IsStatic ? null : ActivatorUtilities.CreateInstance(_services, _method.DeclaringType!);
        var stopping = _services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var arguments = _method.GetParameters()
            .Select(p => p.ParameterType == typeof(CancellationToken) ? stopping : input)
            .ToArray();
        return await FunctionInvoker.InvokeAsync(_method, instance, arguments);
    }
}
