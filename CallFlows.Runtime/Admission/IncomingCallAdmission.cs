using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallFlows.Runtime.Admission;

/// <summary>
/// Admission control of the Event Grid webhook: a new call is admitted only while the instance handles fewer than
/// <see cref="AdmissionOptions.MaxConcurrentStarts"/> calls and has a token of <see cref="AdmissionOptions.MaxStartsPerSecond"/>
/// (bucket size <see cref="AdmissionOptions.MaxBurst"/>) left. With <see cref="AdmissionOverloadAction.RejectBusy"/>
/// (the default) the webhook asks per call (<see cref="TryAdmitCall"/>) and rejects the calls beyond as busy; with
/// <see cref="AdmissionOverloadAction.Defer"/> the whole delivery is answered 429/503 with <c>Retry-After</c> before
/// its body is read (<see cref="RunAsync"/>), so Event Grid redelivers it on its own schedule (10 s, 30 s, 1 min…).
/// </summary>
/// <remarks>
/// Only POST deliveries are limited: the CloudEvents OPTIONS handshake schedules nothing. The limiters never queue
/// (queue limit 0): a waiting request would hold the Event Grid connection open while the caller rings. The limiters
/// use the system clock (System.Threading.RateLimiting takes no <see cref="TimeProvider"/>).
/// </remarks>
internal sealed class IncomingCallAdmission : IDisposable
{
    readonly AdmissionOptions options;
    readonly ILogger<IncomingCallAdmission> logger;
    readonly ConcurrencyLimiter? concurrency;
    readonly TokenBucketRateLimiter? rate;
    long rejected;

    /// <summary>Initializes a new instance of the <see cref="IncomingCallAdmission"/> class.</summary>
    /// <param name="options">The limits.</param>
    /// <param name="logger">The logger.</param>
    public IncomingCallAdmission(IOptions<AdmissionOptions> options, ILogger<IncomingCallAdmission> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.logger = logger;
        if (this.options.RejectionStatusCode is not (StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable))
        {
            throw new OptionsValidationException(AdmissionOptions.SectionName, typeof(AdmissionOptions),
                [$"{AdmissionOptions.SectionName}:RejectionStatusCode must be 429 or 503 (Event Grid retries both), not {this.options.RejectionStatusCode}."]);
        }

        if (this.options.MaxConcurrentStarts < 0 || this.options.MaxStartsPerSecond < 0 || this.options.MaxBurst < 0)
        {
            throw new OptionsValidationException(AdmissionOptions.SectionName, typeof(AdmissionOptions),
                [$"{AdmissionOptions.SectionName}:MaxConcurrentStarts, MaxStartsPerSecond and MaxBurst must be 0 (unlimited or default) or more."]);
        }

        if (this.options.Enabled && this.options.MaxConcurrentStarts > 0)
        {
            this.concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = this.options.MaxConcurrentStarts, QueueLimit = 0 });
        }

        if (this.options.Enabled && this.options.MaxStartsPerSecond > 0)
        {
            this.rate = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(this.options.MaxBurst, this.options.MaxStartsPerSecond),
                TokensPerPeriod = this.options.MaxStartsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        }
    }

    /// <summary>The limit <see cref="TryAdmitCall"/> names when the app is stopping: the call is neither admitted nor rejected, and the delivery is answered 503 so Event Grid delivers it again.</summary>
    public const string StoppingLimit = "stopping";

    /// <summary>Gets how many deliveries (<see cref="AdmissionOverloadAction.Defer"/>) or calls (<see cref="AdmissionOverloadAction.RejectBusy"/>) were turned away since start.</summary>
    public long RejectedCount => Interlocked.Read(ref this.rejected);

    /// <summary>Gets whether calls beyond the limits are rejected as busy per call (rather than deferred per delivery).</summary>
    public bool RejectsBusy => this.options.Enabled && this.options.OverloadAction == AdmissionOverloadAction.RejectBusy;

    /// <summary>
    /// Admits one new call (<see cref="AdmissionOverloadAction.RejectBusy"/>): true with a lease to hold while the call
    /// is being started, or false with the name of the limit reached.
    /// </summary>
    /// <param name="limit">The limit reached (<c>concurrency</c> or <c>rate</c>) when not admitted.</param>
    /// <param name="lease">The lease to dispose once the call is started (a no-op one when not admitted).</param>
    /// <returns>True when admitted.</returns>
    public bool TryAdmitCall(out string? limit, out IDisposable lease)
    {
        limit = null;
        lease = Admitted.Instance;
        if (!this.RejectsBusy)
        {
            return true;
        }

        RateLimitLease? concurrencyLease = Acquire(this.concurrency);
        if (concurrencyLease is null)
        {
            // The app is stopping: the caller answers 503, so Event Grid delivers the call to an instance that runs.
            limit = StoppingLimit;
            return false;
        }

        if (!concurrencyLease.IsAcquired)
        {
            concurrencyLease.Dispose();
            limit = "concurrency";
            Interlocked.Increment(ref this.rejected);
            return false;
        }

        using RateLimitLease? rateLease = Acquire(this.rate);
        if (rateLease is { IsAcquired: true })
        {
            lease = concurrencyLease;
            return true;
        }

        concurrencyLease.Dispose();
        if (rateLease is null)
        {
            limit = StoppingLimit;
            return false;
        }

        limit = "rate";
        Interlocked.Increment(ref this.rejected);
        return false;
    }

    /// <summary>Runs <paramref name="next"/> if the delivery is admitted, else answers 429/503 with <c>Retry-After</c>.</summary>
    /// <param name="request">The webhook request.</param>
    /// <param name="next">The webhook logic.</param>
    /// <returns>The HTTP result.</returns>
    public async Task<IActionResult> RunAsync(HttpRequest request, Func<Task<IActionResult>> next)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(next);
        if (!HttpMethods.IsPost(request.Method) || this.options.OverloadAction != AdmissionOverloadAction.Defer)
        {
            return await next();
        }

        using RateLimitLease? concurrencyLease = Acquire(this.concurrency);
        if (concurrencyLease is null)
        {
            return this.Stopping();
        }

        if (!concurrencyLease.IsAcquired)
        {
            return this.Reject("concurrency", this.options.RetryAfter);
        }

        using RateLimitLease? rateLease = Acquire(this.rate);
        if (rateLease is null)
        {
            return this.Stopping();
        }

        if (!rateLease.IsAcquired)
        {
            TimeSpan retryAfter = rateLease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan hint) && hint > this.options.RetryAfter
                ? hint
                : this.options.RetryAfter;
            return this.Reject("rate", retryAfter);
        }

        return await next();
    }

    /// <summary>
    /// Asks <paramref name="limiter"/> for a permit (a granted one when the limit is off); null once the limiter is
    /// disposed, which happens when the app stops while deliveries are still in flight (the host disposes its services
    /// after its shutdown timeout).
    /// </summary>
    static RateLimitLease? Acquire(RateLimiter? limiter)
    {
        try
        {
            return limiter?.AttemptAcquire() ?? Admitted.Instance;
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    JsonHttpResult Stopping()
    {
        AdmissionLog.WholeDeliveryWhileStopping(this.logger);
        var result = JsonHttpResult.Error(StatusCodes.Status503ServiceUnavailable, "The app is stopping; deliver the call again.");
        result.Headers["Retry-After"] = "1";
        return result;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        this.concurrency?.Dispose();
        this.rate?.Dispose();
    }

    JsonHttpResult Reject(string limit, TimeSpan retryAfter)
    {
        long count = Interlocked.Increment(ref this.rejected);
        int seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        AdmissionLog.DeliveryNotAdmitted(this.logger, limit, this.options.RejectionStatusCode, seconds, count);
        Telemetry.CallFlowsTelemetry.AdmissionRejections.Add(1, new KeyValuePair<string, object?>(Telemetry.CallFlowsTags.AdmissionLimit, limit));
        var result = JsonHttpResult.Error(this.options.RejectionStatusCode,
            $"The app is at its {limit} limit for new calls; retry after {seconds.ToString(CultureInfo.InvariantCulture)} s.");
        result.Headers["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture);
        return result;
    }

    /// <summary>A lease that is always granted (the limit is off).</summary>
    sealed class Admitted : RateLimitLease
    {
        public static readonly Admitted Instance = new();

        public override bool IsAcquired => true;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
