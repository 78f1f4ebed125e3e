using System.Reflection;

namespace CallFlows.LocalHost.Functions;

/// <summary>Calls a function method and unwraps whatever it returns (T, Task, Task&lt;T&gt;, ValueTask, ValueTask&lt;T&gt;, void).</summary>
internal static class MethodInvoker
{
    public static async Task<object?> InvokeAsync(MethodInfo method, object? target, object?[] args)
    {
        // DoNotWrapExceptions: the function's own exception surfaces, not a TargetInvocationException around it.
        object? result = method.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, args, culture: null);
        Type returnType = method.ReturnType;

        if (result is null)
        {
            return null;
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            result = returnType.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(result, null);
            returnType = typeof(Task<>).MakeGenericType(returnType.GetGenericArguments());
        }
        else if (returnType == typeof(ValueTask))
        {
            await (ValueTask)result;
            return null;
        }

        if (result is Task task)
        {
            // Plain await: orchestrator code must stay on the orchestration's scheduler (no ConfigureAwait(false)).
            await task;
            return returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>)
                ? returnType.GetProperty(nameof(Task<int>.Result))!.GetValue(task)
                : null;
        }

        return result;
    }
}
