using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Nemo.Functions.Tests.Engine;

/// <summary>Calls a function method and awaits what it returns (a value, a <see cref="Task"/> or a <see cref="Task{T}"/>).</summary>
internal static class FunctionInvoker
{
    public static async Task<object?> InvokeAsync(MethodInfo method, object? instance, object?[] arguments)
    {
        object? returned;
        try
        {
            returned = method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            // The function's own exception, as the worker reports it: not the reflection wrapper.
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }

        if (returned is not Task task)
        {
            return returned;
        }

        await task;
        return task.GetType().IsGenericType ? task.GetType().GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
    }
}
