using CallFlows.Testing.Orchestrations;

namespace CallFlows.Testing.CallWorld;

/// <summary>The test kit of an inbound flow: place calls to it and run them to their end on virtual time.</summary>
/// <typeparam name="TSettings">The flow's settings.</typeparam>
/// <typeparam name="TResult">The flow's result enum.</typeparam>
public sealed class InboundCallFlowTestKit<TSettings, TResult> : CallFlowTestKit
    where TSettings : class, new()
    where TResult : struct, Enum
{
    internal InboundCallFlowTestKit(Type flowType, TSettings settings, OrchestrationDriverOptions? options)
        : base(flowType, options)
    {
        Settings = settings;
    }

    /// <summary>The settings the flow runs with (as its routing rule would bind them); change them before placing a call.</summary>
    public TSettings Settings { get; }

    /// <summary>The route name the flow's input carries (the matching rule's <c>Called</c> pattern). Default <c>test</c>.</summary>
    public string Route { get; set; } = "test";

    /// <summary>An incoming call from <paramref name="from"/> to <paramref name="to"/>, routed to this flow.</summary>
    /// <param name="from">The caller.</param>
    /// <param name="to">The number or raw id called.</param>
    /// <returns>The call, to run with <see cref="TestCall{TResult}.RunToEnd"/>.</returns>
    public TestCall<TResult> PlaceCall(TestPhone from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentException.ThrowIfNullOrEmpty(to);
        return new TestCall<TResult>(this, new IncomingTestCall(from, Phone(to), Settings, Route).Input, from);
    }
}
