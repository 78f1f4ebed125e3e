using Azure;
using CallFlows.Functions.Actions;
using CallFlows.Functions.Runtime;
using Microsoft.DurableTask;

namespace CallFlows.Tests.Flows;

public sealed class CallActionFailureTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(408, true)]
    [InlineData(429, true)]
    [InlineData(500, true)]
    [InlineData(503, true)]
    [InlineData(400, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(409, false)]
    public void Translate_ServiceStatus_ChoosesRetryableOrRefused(int status, bool transient)
    {
        var error = CallActionErrors.Translate("AddParticipant", new RequestFailedException(status, "boom", "Code", null));

        if (transient)
        {
            error.Should().BeOfType<CallActionTransientException>();
            CallActionRetry.IsTransient(TaskFailureDetails.FromException(error)).Should().BeTrue();
        }
        else
        {
            var refused = error.Should().BeOfType<CallActionRejectedException>().Subject;
            refused.Status.Should().Be(status);
            CallActionRetry.IsTransient(TaskFailureDetails.FromException(error)).Should().BeFalse();
            CallActionFailures.ToResult(TaskFailureDetails.FromException(error)).ResultCode.Should().Be(status);
        }
    }

    [Fact]
    public void IsTransient_HostWrappedFailure_IsRecognizedByTheMessageMarker()
    {
        // Some hosts report activity failures with their own exception type; the marker survives in the message.
        var wrapped = new TaskFailureDetails("Microsoft.Azure.WebJobs.Host.FunctionInvocationException",
            "Exception while executing function: Functions.CreateCall: " + CallActionTransientException.Marker + " CreateCall failed", null, null, null);

        CallActionRetry.IsTransient(wrapped).Should().BeTrue();
    }

    [Fact]
    public void ToResult_RefusedFailure_ReportsFailedWithHttpStatusAndMessage()
    {
        var details = TaskFailureDetails.FromException(new CallActionRejectedException("RemoveParticipant", 404, "CallNotFound", "gone", new InvalidOperationException()));

        var result = CallActionFailures.ToResult(details);

        result.Status.Should().Be(CallFlowActionStatus.Failed);
        result.ResultCode.Should().Be(404);
        result.Message.Should().Contain("CallNotFound").And.Contain("gone");
    }

    [Theory]
    [InlineData("HTTP 403 (Forbidden) from X: no", 403)]
    [InlineData("wrapped: HTTP 429 (Throttled)", 429)]
    [InlineData("HTTP 40 (short)", null)]
    [InlineData("no status here", null)]
    public void TryGetStatus_Message_ReadsThreeDigitStatus(string message, int? expected) =>
        CallActionFailures.TryGetStatus(message).Should().Be(expected);
}
