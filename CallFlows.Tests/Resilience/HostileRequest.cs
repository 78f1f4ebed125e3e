namespace CallFlows.Tests.Resilience;

/// <summary>One entry of <c>hostile-corpus.json</c>: a bad request and the status the app must answer.</summary>
/// <param name="Name">What it is.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path; <c>{live}</c> = the live call's instance id, <c>{long}</c> = a 1000-character id.</param>
/// <param name="Expect">The status the app must answer.</param>
/// <param name="Why">Why that status.</param>
/// <param name="Body">Body text; <c>{liveIncomingCallDelivery}</c> = the live call's IncomingCall Event Grid delivery; <c>{live}</c> and <c>{liveConnection}</c> = its instance and call connection ids.</param>
/// <param name="ContentType">Content type of the body (default <c>application/json</c>; empty = no content header).</param>
/// <param name="Token">Callback token kind (<see cref="TrustedKeysServer.Mint"/>, or <c>emulator-expired</c>).</param>
/// <param name="Generate">Generated body: <c>garbage:MB</c>, <c>event-array:MB</c>, <c>deep:DEPTH</c>.</param>
/// <param name="Headers">Extra headers.</param>
public sealed record HostileRequest(
    string Name,
    string Method,
    string Path,
    int Expect,
    string Why,
    string? Body = null,
    string? ContentType = null,
    string? Token = null,
    string? Generate = null,
    Dictionary<string, string>? Headers = null)
{
    public override string ToString() => $"{this.Name} ({this.Method} {this.Path})";
}
