namespace CallFlows.LocalHost.Functions;

/// <summary>Where the local host takes a function parameter's value from.</summary>
internal enum BindingSource
{
    OrchestrationContext,
    OrchestrationInput,
    ActivityInput,
    FunctionContext,
    CancellationToken,
    DurableClient,
    HttpRequest,
    HttpContext,
    RouteValue,
    Body,
    TimerInfo,
}
