
namespace CallFlows.Runtime.Protocol;

/// <summary>Input of <see cref="CallActionNames.AnswerCall"/>.</summary>
/// <param name="InstanceId">The orchestration instance (the callback URI is built from it).</param>
/// <param name="Identity">Operation context and repeatability pair.</param>
/// <param name="IncomingCallContext">The opaque context of the IncomingCall event.</param>
/// <param name="AnsweredBy">The raw id of the ACS user answering on behalf of the app, if any.</param>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed record AnswerCallInput(string InstanceId, CallActionIdentity Identity, string IncomingCallContext, string? AnsweredBy = null);
