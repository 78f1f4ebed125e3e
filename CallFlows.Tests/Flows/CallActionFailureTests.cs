using Azure;
using Microsoft.Extensions.Logging.Abstractions;

namespace CallFlows.Tests.Flows;

public sealed class CallActionFailureTests
{
    [Theory]
    [InlineData(0, CallActionFailureKind.Unavailable)]
    [InlineData(408, CallActionFailureKind.Unavailable)]
    [InlineData(429, CallActionFailureKind.Unavailable)]
    [InlineData(500, CallActionFailureKind.Unavailable)]
    [InlineData(503, CallActionFailureKind.Unavailable)]
    [InlineData(400, CallActionFailureKind.Refused)]
    [InlineData(403, CallActionFailureKind.Refused)]
    [InlineData(404, CallActionFailureKind.Refused)]
    [InlineData(409, CallActionFailureKind.Refused)]
    public async Task RunAsync_ServiceStatus_ReturnsTheFailureAsTypedData(int status, CallActionFailureKind kind)
    {
        var output = await CallActionRunner.RunAsync(NullLogger.Instance, "AddParticipant", CallActionIdentity.Create("in-test", 1, "AddParticipant", DateTime.UnixEpoch),
            () => throw new RequestFailedException(status, "boom\nsecond line", "8522", null));

        output.Failure.Should().NotBeNull();
        output.Failure!.Kind.Should().Be(kind);
        output.Failure.Message.Should().Be("boom", "the first line of the service message, never parsed");
        output.Failure.ErrorCode.Should().Be("8522");
        output.Failure.HttpStatus.Should().Be(status == 0 ? null : status);
    }

    [Fact]
    public async Task RunAsync_NetworkFailure_IsUnavailableWithoutStatus()
    {
        var output = await CallActionRunner.RunAsync(NullLogger.Instance, "CreateCall", CallActionIdentity.Create("in-test", 1, "CreateCall", DateTime.UnixEpoch), () => throw new HttpRequestException("no route"));

        output.Failure!.Kind.Should().Be(CallActionFailureKind.Unavailable);
        output.Failure.HttpStatus.Should().BeNull();
    }

    [Fact]
    public void Describe_Refusal_ReadsAsASentenceWithStatusAndCode()
    {
        var failure = new CallActionFailure(CallActionFailureKind.Refused, "Call not found.") { HttpStatus = 404, ErrorCode = "8522" };

        failure.Describe().Should().Be("ACS refused the request with HTTP 404 (8522): Call not found.");
        failure.Code.Should().Be(404);
    }
}
