using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CallFlows.Runtime.Admission;

/// <summary>
/// Admission control in front of the Event Grid webhook: a delivery is admitted only while the instance handles fewer
/// than <see cref="AdmissionOptions.MaxConcurrentStarts"/> deliveries and has a token of
/// <see cref="AdmissionOptions.MaxStartsPerSecond"/> left; otherwise it is answered 429/503 with <c>Retry-After</c>
/// before its body is read or anything is scheduled, so Event Grid redelivers it later and no call is dropped.
/// </summary>
/// <remarks>
/// Only POST deliveries are limited: the CloudEvents OPTIONS handshake schedules nothing. The limiters never queue
/// (queue limit 0): a waiting request would hold the Event Grid connection open, and Event Grid's own retry is the
/// queue. The limiters use the system clock (System.Threading.RateLimiting takes no <see cref="TimeProvider"/>).
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

        if (this.options.MaxConcurrentStarts < 0 || this.options.MaxStartsPerSecond < 0)
        {
            throw new OptionsValidationException(AdmissionOptions.SectionName, typeof(AdmissionOptions),
                [$"{AdmissionOptions.SectionName}:MaxConcurrentStarts and MaxStartsPerSecond must be 0 (unlimited) or more."]);
        }

        if (this.options.Enabled && this.options.MaxConcurrentStarts > 0)
        {
            this.concurrency = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = this.options.MaxConcurrentStarts, QueueLimit = 0 });
        }

        if (this.options.Enabled && this.options.MaxStartsPerSecond > 0)
        {
            this.rate = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
            {
                TokenLimit = this.options.MaxStartsPerSecond,
                TokensPerPeriod = this.options.MaxStartsPerSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
        }
    }

    /// <summary>Gets how many deliveries were turned away since start.</summary>
    public long RejectedCount => Interlocked.Read(ref this.rejected);

    /// <summary>Runs <paramref name="next"/> if the delivery is admitted, else answers 429/503 with <c>Retry-After</c>.</summary>
    /// <param name="request">The webhook request.</param>
    /// <param name="next">The webhook logic.</param>
    /// <returns>The HTTP result.</returns>
    public async Task<IActionResult> RunAsync(HttpRequest request, Func<Task<IActionResult>> next)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(next);
        if (!HttpMethods.IsPost(request.Method))
        {
            return await next();
        }

        using RateLimitLease concurrencyLease = this.concurrency?.AttemptAcquire() ?? Admitted.Instance;
        if (!concurrencyLease.IsAcquired)
        {
            return this.Reject("concurrency", this.options.RetryAfter);
        }

        using RateLimitLease rateLease = this.rate?.AttemptAcquire() ?? Admitted.Instance;
        if (!rateLease.IsAcquired)
        {
            TimeSpan retryAfter = rateLease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan hint) && hint > this.options.RetryAfter
                ? hint
                : this.options.RetryAfter;
            return this.Reject("rate", retryAfter);
        }

        return await next();
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
