using CallFlows.Runtime;
using CallFlows.Runtime.Protocol;
using CallFlows.Testing.Orchestrations;

namespace CallFlows.Testing.CallWorld;

/// <summary>One call-action activity as a <see cref="CallActionHandler"/> sees it.</summary>
internal sealed class CallActionRequest(SimulatedCallService service, ActivityCall activity)
{
    public SimulatedCallService Service { get; } = service;

    public ActivityCall Activity { get; } = activity;

    public string Name => Activity.Name;

    /// <summary>The activity's input, read through the driver's data converter as the real activity binds it.</summary>
    public T Input<T>() => Activity.GetInput<T>()
        ?? throw new OrchestrationTestException($"The flow called {Activity.Name} without an input.");

    /// <summary>
    /// Runs <paramref name="work"/> <paramref name="delay"/> after the service answered the request: the world changes
    /// then, and the callbacks the work raises are delivered unless the test said the action's callbacks are lost.
    /// </summary>
    public void After(TimeSpan delay, Action<ScriptContext> work) =>
        Activity.Script.Schedule(Service.Kit.ResponseTime + delay, world => Service.RunAs(Activity.Name, world, work));

    /// <summary>The call an action names; a call that ended answers 404 as ACS does.</summary>
    public bool TryLiveCall(string callConnectionId, out SimulatedCall call, out CallActionOutput gone)
    {
        if (Service.FindCall(callConnectionId) is { Ended: false } live)
        {
            call = live;
            gone = CallActionOutput.Accepted;
            return true;
        }

        call = null!;
        gone = Refused(404, "8522", $"Call '{callConnectionId}' was not found or has ended.");
        return false;
    }

    /// <summary>ACS refuses the request (a 4xx), as data.</summary>
    public static CallActionOutput Refused(int status, string? errorCode, string message) =>
        new(new CallActionFailure(CallActionFailureKind.Refused, message) { HttpStatus = status, ErrorCode = errorCode });
}
