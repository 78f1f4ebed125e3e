using CallFlows.Runtime.Protocol;

namespace CallFlows.Testing.CallWorld;

/// <summary>
/// How the simulated service answers one call-action activity: the REST response as the activity returns it, with the
/// callbacks the action causes scheduled through <see cref="CallActionRequest.After"/>. One handler per activity name
/// (<see cref="SimulatedCallService.Register"/>), so new activities (media, recording) plug in beside the call ones.
/// </summary>
/// <param name="request">The activity call, its world and whether its callbacks are delivered.</param>
/// <returns>What the activity returns.</returns>
internal delegate CallActionOutput CallActionHandler(CallActionRequest request);
