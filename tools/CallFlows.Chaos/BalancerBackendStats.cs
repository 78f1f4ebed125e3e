namespace CallFlows.Chaos;

/// <summary>What the <see cref="LoopbackBalancer"/> sent to one backend.</summary>
/// <param name="Backend">The backend's base address.</param>
/// <param name="IncomingCallDeliveries">Event Grid deliveries (<c>POST api/incoming-call</c>) the backend answered.</param>
/// <param name="Callbacks">ACS callbacks (<c>POST api/callbacks/...</c>) the backend answered.</param>
/// <param name="OtherRequests">Other requests the backend answered (status polls, outbound starts).</param>
/// <param name="Refused">Connections the backend refused (down); the request went to the next backend.</param>
/// <param name="Broken">Requests whose connection broke after they were sent (answered 502; the sender retries).</param>
public sealed record BalancerBackendStats(Uri Backend, long IncomingCallDeliveries, long Callbacks, long OtherRequests, long Refused, long Broken);
