namespace CallFlows.Runtime.Telemetry;

/// <summary>Span, metric and log-scope attribute names.</summary>
internal static class CallFlowsTags
{
    public const string InstanceId = "callflows.instance_id";
    public const string Flow = "callflows.flow";
    public const string Outcome = "callflows.outcome";
    public const string Succeeded = "callflows.succeeded";
    public const string Route = "callflows.route";
    public const string Action = "callflows.action";
    public const string ActionResult = "callflows.action.result";
    public const string ActionSequence = "callflows.action.sequence";
    public const string OperationContext = "acs.operation_context";
    public const string RepeatabilityRequestId = "acs.repeatability_request_id";
    public const string ErrorCode = "acs.error_code";
    public const string CallConnectionId = "acs.call_connection_id";
    public const string ServerCallId = "acs.server_call_id";
    public const string CorrelationId = "acs.correlation_id";
    public const string EventType = "callflows.event";
    public const string EventId = "cloudevents.event_id";
    public const string HttpStatus = "http.response.status_code";
    public const string AdmissionLimit = "callflows.admission.limit";
}
