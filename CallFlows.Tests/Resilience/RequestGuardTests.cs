using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallFlows.Tests.Resilience;

public sealed class RequestGuardTests
{
    static readonly RequestGuard Guard = new(Options.Create(new AdmissionOptions { MaxRequestBodyBytes = 100 }), NullLogger<RequestGuard>.Instance);

    [Theory]
    [InlineData("application/json", 10, 200)]
    [InlineData("application/json; charset=utf-8", 10, 200)]
    [InlineData("application/cloudevents-batch+json", 10, 200)]
    [InlineData("application/json", 101, 413)]
    [InlineData("text/plain", 10, 415)]
    [InlineData("application/x-www-form-urlencoded", 10, 415)]
    [InlineData(null, 10, 415)]
    [InlineData(null, 0, 200)]
    public async Task RunAsync_PostBody_AdmittedOr413Or415BeforeTheBodyIsRead(string? contentType, int length, int expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.ContentLength = length;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(new string('x', length)));
        bool ran = false;

        IActionResult result = await Guard.RunAsync(context.Request, () =>
        {
            ran = true;
            return Task.FromResult<IActionResult>(new OkResult());
        });

        int status = result is JsonHttpResult json ? json.StatusCode : 200;
        status.Should().Be(expected);
        ran.Should().Be(expected == 200);
        context.Request.Body.Position.Should().Be(0, "a refused body is never read");
    }

    [Fact]
    public async Task RunAsync_OptionsWithoutBody_PassesThrough()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "OPTIONS";

        IActionResult result = await Guard.RunAsync(context.Request, () => Task.FromResult<IActionResult>(new OkResult()));

        result.Should().BeOfType<OkResult>();
    }
}
