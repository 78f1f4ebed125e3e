using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CallFlows.LocalHost.Functions;

/// <summary>Runs an <c>[ActivityTrigger]</c> function method as a Durable Task activity, in a DI scope per call.</summary>
internal sealed class FunctionActivity(FunctionDescriptor function, IServiceProvider services) : ITaskActivity
{
    public Type InputType => function.InputType;

    public Type OutputType => typeof(object);

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        CancellationToken stopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        await using AsyncServiceScope scope = services.CreateAsyncScope();
        IServiceProvider provider = scope.ServiceProvider;
        object? target = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(provider, function.Method.DeclaringType!);
        object?[] args = function.Parameters.Select(p => p.Source switch
        {
            BindingSource.ActivityInput => input,
            BindingSource.FunctionContext => new LocalFunctionContext(function.Name, function.Method, provider, stopping),
            BindingSource.CancellationToken => stopping,
            BindingSource.DurableClient => provider.GetRequiredService<DurableTaskClient>(),
            _ => (object?)null,
        }).ToArray();

        return await MethodInvoker.InvokeAsync(function.Method, target, args);
    }
}
