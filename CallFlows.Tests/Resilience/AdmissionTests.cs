using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CallFlows.Tests.Resilience;

public sealed class AdmissionTests
{
    [Fact]
    public async Task RunAsync_ConcurrencyLimitReached_Answers429WithRetryAfterWithoutRunningTheWebhook()
    {
        using var admission = Create(new AdmissionOptions { MaxConcurrentStarts = 1, MaxStartsPerSecond = 0, OverloadAction = AdmissionOverloadAction.Defer });
        var release = new TaskCompletionSource();
        Task<IActionResult> first = admission.RunAsync(Post(), async () =>
        {
            await release.Task;
            return new OkResult();
        });
        bool secondRan = false;

        var second = (JsonHttpResult)await admission.RunAsync(Post(), () =>
        {
            secondRan = true;
            return Task.FromResult<IActionResult>(new OkResult());
        });
        release.SetResult();

        second.StatusCode.Should().Be(429);
        second.Headers["Retry-After"].Should().Be("1");
        secondRan.Should().BeFalse("nothing may be scheduled for a delivery that is not admitted");
        (await first).Should().BeOfType<OkResult>();
        admission.RejectedCount.Should().Be(1);
        (await admission.RunAsync(Post(), () => Task.FromResult<IActionResult>(new OkResult()))).Should().BeOfType<OkResult>("the permit is back");
    }

    [Fact]
    public async Task RunAsync_RateLimitReached_AnswersConfiguredStatusWithRetryAfter()
    {
        using var admission = Create(new AdmissionOptions { MaxConcurrentStarts = 0, MaxStartsPerSecond = 2, RejectionStatusCode = 503, RetryAfter = TimeSpan.FromSeconds(3), OverloadAction = AdmissionOverloadAction.Defer });
        var results = new List<IActionResult>();
        for (int i = 0; i < 5; i++)
        {
            results.Add(await admission.RunAsync(Post(), () => Task.FromResult<IActionResult>(new OkResult())));
        }

        // A burst of 5 against a bucket of 2 tokens refilled each second: at most 2 (3 if a refill lands) admitted.
        results.OfType<OkResult>().Count().Should().BeInRange(2, 3);
        results.OfType<JsonHttpResult>().Should().NotBeEmpty().And.OnlyContain(r => r.StatusCode == 503 && r.Headers["Retry-After"] == "3");
    }

    [Fact]
    public async Task RunAsync_OptionsHandshakeOrDisabled_NeverLimited()
    {
        using var tight = Create(new AdmissionOptions { MaxConcurrentStarts = 1, MaxStartsPerSecond = 1, OverloadAction = AdmissionOverloadAction.Defer });
        using var disabled = Create(new AdmissionOptions { Enabled = false, MaxConcurrentStarts = 1, MaxStartsPerSecond = 1 });
        for (int i = 0; i < 5; i++)
        {
            (await tight.RunAsync(Request("OPTIONS"), () => Task.FromResult<IActionResult>(new OkResult()))).Should().BeOfType<OkResult>();
            (await disabled.RunAsync(Post(), () => Task.FromResult<IActionResult>(new OkResult()))).Should().BeOfType<OkResult>();
        }
    }

    [Fact]
    public async Task TryAdmitCall_RejectBusyByDefault_BucketOfMaxBurstThenBusyAndTheWebhookDeliveryIsNeverDeferred()
    {
        using var admission = Create(new AdmissionOptions { MaxConcurrentStarts = 0, MaxStartsPerSecond = 2, MaxBurst = 5 });
        var admitted = 0;
        var limits = new List<string?>();
        for (int i = 0; i < 8; i++)
        {
            if (admission.TryAdmitCall(out var limit, out var lease))
            {
                admitted++;
            }

            lease.Dispose();
            limits.Add(limit);
        }

        // A bucket of 5 tokens refilled by 2 each second: 5 admitted (7 if a refill lands), the rest busy on the rate limit.
        admitted.Should().BeInRange(5, 7);
        limits.Where(l => l is not null).Should().NotBeEmpty().And.OnlyContain(l => l == "rate");
        admission.RejectedCount.Should().Be(8 - admitted);
        (await admission.RunAsync(Post(), () => Task.FromResult<IActionResult>(new OkResult()))).Should().BeOfType<OkResult>(
            "with RejectBusy the delivery itself is always handled: calls beyond the limit are rejected one by one, never answered 429");
    }

    [Fact]
    public void TryAdmitCall_ConcurrencyLimitReached_BusyUntilTheLeaseIsReleased()
    {
        using var admission = Create(new AdmissionOptions { MaxConcurrentStarts = 1, MaxStartsPerSecond = 0 });

        admission.TryAdmitCall(out _, out var first).Should().BeTrue();
        admission.TryAdmitCall(out var limit, out _).Should().BeFalse();
        limit.Should().Be("concurrency");
        first.Dispose();
        admission.TryAdmitCall(out _, out var third).Should().BeTrue("the permit is back");
        third.Dispose();
    }

    [Fact]
    public void TryAdmitCall_AfterTheAppStopped_NamesTheStoppingLimitInsteadOfThrowing()
    {
        var admission = Create(new AdmissionOptions { MaxConcurrentStarts = 1, MaxStartsPerSecond = 1 });
        admission.Dispose();

        admission.TryAdmitCall(out var limit, out var lease).Should().BeFalse();

        limit.Should().Be(IncomingCallAdmission.StoppingLimit);
        admission.RejectedCount.Should().Be(0, "a call that arrives while the app stops is not turned away: it is delivered again");
        lease.Dispose();
    }

    [Fact]
    public async Task RunAsync_AfterTheAppStopped_Answers503WithRetryAfterWithoutRunningTheWebhook()
    {
        var admission = Create(new AdmissionOptions { MaxConcurrentStarts = 1, MaxStartsPerSecond = 1, OverloadAction = AdmissionOverloadAction.Defer });
        admission.Dispose();
        bool ran = false;

        var result = (JsonHttpResult)await admission.RunAsync(Post(), () =>
        {
            ran = true;
            return Task.FromResult<IActionResult>(new OkResult());
        });

        result.StatusCode.Should().Be(503);
        result.Headers["Retry-After"].Should().Be("1");
        ran.Should().BeFalse();
    }

    [Theory]
    [InlineData(400)]
    [InlineData(500)]
    public void Constructor_StatusEventGridWouldNotRetry_Throws(int status)
    {
        Action act = () => Create(new AdmissionOptions { RejectionStatusCode = status });

        act.Should().Throw<OptionsValidationException>().WithMessage("*429 or 503*");
    }

    static IncomingCallAdmission Create(AdmissionOptions options) => new(Options.Create(options), NullLogger<IncomingCallAdmission>.Instance);

    static HttpRequest Post() => Request("POST");

    static HttpRequest Request(string method)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        return context.Request;
    }
}
