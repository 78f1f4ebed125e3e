using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Options;

namespace CallFlows.LocalHost.Functions;

/// <summary>Runs an <c>[OrchestrationTrigger]</c> function method as a Durable Task orchestrator.</summary>
internal sealed class FunctionOrchestrator(FunctionDescriptor function, IServiceProvider services) : ITaskOrchestrator
{
    // object: the input is kept as JSON and deserialized per GetInput<T> call (see LocalOrchestrationContext).
    public Type InputType => typeof(object);

    public Type OutputType => typeof(object);

    public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        DataConverter converter = services.GetRequiredService<IOptionsMonitor<DurableTaskWorkerOptions>>()
            .Get(Options.DefaultName).DataConverter;
        var localContext = new LocalOrchestrationContext(context, converter, services.GetRequiredService<ILoggerFactory>());

        IServiceScope? scope = function.Method.IsStatic ? null : services.CreateScope();
        try
        {
            IServiceProvider provider = scope?.ServiceProvider ?? services;
            object? target = scope is null ? null : ActivatorUtilities.CreateInstance(provider, function.Method.DeclaringType!);
            object?[] args = function.Parameters.Select(p => p.Source switch
            {
                BindingSource.OrchestrationContext => localContext,
                BindingSource.OrchestrationInput => localContext.GetInput(p.Parameter.ParameterType),
                BindingSource.FunctionContext => new LocalFunctionContext(function.Name, function.Method, provider, CancellationToken.None),
                _ => throw new InvalidOperationException($"Unexpected binding {p.Source} for an orchestrator."),
            }).ToArray();

            return await MethodInvoker.InvokeAsync(function.Method, target, args);
        }
        finally
        {
            scope?.Dispose();
        }
    }
}
