namespace CallFlows.Runtime;

/// <summary>Where a call action failure came from.</summary>
public enum CallActionFailureKind
{
    /// <summary>ACS refused the request (an HTTP 4xx): see <see cref="CallActionFailure.HttpStatus"/> and <see cref="CallActionFailure.ErrorCode"/>.</summary>
    Refused,

    /// <summary>ACS accepted the request and later reported the failure in a callback event: see <see cref="CallActionFailure.ResultCode"/> and <see cref="CallActionFailure.SubCode"/>.</summary>
    Failed,

    /// <summary>The request did not get through: network errors, 408, 429 or 5xx after the runtime's retries, or an invalid request.</summary>
    Unavailable,
}
