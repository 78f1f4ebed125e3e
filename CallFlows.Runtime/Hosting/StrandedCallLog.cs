using Microsoft.Extensions.Logging;

namespace CallFlows.Runtime.Hosting;

/// <summary>Log lines of the stranded-call safety net and of callback URL proofs (event ids 7xxx).</summary>
internal static partial class StrandedCallLog
{
    [LoggerMessage(7001, LogLevel.Error, "Call {CallConnectionId} was still connected although its flow {Flow} ({InstanceId}) no longer runs: {Cause}. The call is ended ({Disposition})")]
    public static partial void StrandedCallEnded(ILogger logger, string instanceId, string callConnectionId, string flow, string cause, string disposition);

    [LoggerMessage(7002, LogLevel.Information, "Call {CallConnectionId} of instance {InstanceId} ({Cause}) had already ended")]
    public static partial void StrandedCallAlreadyGone(ILogger logger, string instanceId, string callConnectionId, string cause);

    [LoggerMessage(7003, LogLevel.Error, "Call {CallConnectionId} of instance {InstanceId} could not be ended ({Cause}): HTTP {Status} {ErrorCode}")]
    public static partial void StrandedCallEndFailed(ILogger logger, string instanceId, string callConnectionId, string cause, int status, string errorCode, Exception exception);

    [LoggerMessage(7004, LogLevel.Warning, "Callback for {InstanceId} refused (403): its URL proof does not match the instance ({Reason})")]
    public static partial void CallbackUrlProofRejected(ILogger logger, string instanceId, string reason);

    [LoggerMessage(7005, LogLevel.Information, "Stranded-call sweep: {Checked} terminated or failed instance(s) with a connected call checked, {Ended} call(s) ended")]
    public static partial void SweepCompleted(ILogger logger, int @checked, int ended);

    [LoggerMessage(7006, LogLevel.Warning, "Stranded-call sweep failed; the next run retries")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
